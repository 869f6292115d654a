using System.Diagnostics;
using System.Text.Json.Nodes;
using Bff.Observability;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching;

/// <summary>
/// The one place every downstream call goes through: picks the source's connector, measures the call and
/// records it for diagnostics. Cross-cutting policies (resilience, caching) wrap calls here.
/// </summary>
public sealed class DownstreamDispatcher
{
    private readonly IReadOnlyDictionary<string, IDownstreamConnector> _connectors;
    private readonly TimeProvider _time;
    private readonly DownstreamCallDelegate _pipeline;

    /// <summary>Creates the dispatcher over the connectors of every configured source and the call filters.</summary>
    public DownstreamDispatcher(IReadOnlyDictionary<string, IDownstreamConnector> connectors, TimeProvider time, IEnumerable<IDownstreamCallFilter>? filters = null)
    {
        _connectors = connectors;
        _time = time;
        DownstreamCallDelegate pipeline = (call, cancellationToken) =>
            _connectors[call.Binding.Source].SendAsync(call, cancellationToken);
        foreach (var filter in (filters ?? []).OrderByDescending(f => f.Order))
        {
            var next = pipeline;
            pipeline = (call, cancellationToken) => filter.InvokeAsync(call, next, cancellationToken);
        }

        _pipeline = pipeline;
    }

    /// <summary>
    /// Makes the call of <paramref name="binding"/> and returns the selected part of its response, with the errors the
    /// downstream reported beside it (paths relative to the selected part; an error elsewhere is the whole field's).
    /// </summary>
    public async Task<DownstreamResult> SendAsync(FieldBinding binding, BindingScope scope, BffRequestContext request, int batchSize, CancellationToken cancellationToken)
    {
        var connector = _connectors[binding.Source];
        using var activity = BffTelemetry.ActivitySource.StartActivity($"{binding.Source} {binding.Operation}", ActivityKind.Client);
        activity?.SetTag("bff.source", binding.Source);
        activity?.SetTag("bff.batch_size", batchSize);
        var started = _time.GetTimestamp();
        try
        {
            var call = new DownstreamCall(binding, scope, request, batchSize, connector.Kind);
            var response = await _pipeline(call, cancellationToken).ConfigureAwait(false);
            Record(request, binding, connector, response.Operation, started, batchSize,
                response.Outcome ?? (response.Body is null ? "not_found" : "ok"), response.Status, response.Attempts, shortCircuited: false);
            var errors = connector.ErrorsIn(response.Body);
            var value = JsonPath.Get(response.Body, binding.Select);
            return errors.Count == 0
                ? new DownstreamResult(value, [])
                : new DownstreamResult(value, [.. errors.Select(e => e.Under([.. binding.Select]) ?? e with { Path = [] })]);
        }
        catch (BffError error)
        {
            Record(request, binding, connector, binding.Operation, started, batchSize, error.Code ?? ErrorCodes.DownstreamError,
                error.ExtraExtensions.TryGetValue("status", out var status) ? status?.ToString() : null,
                error is DownstreamFailure failure ? failure.Attempts : 1, error is DownstreamFailure { Attempts: 0 });

            // A failure may be shared (a call coalesced by the cache); each field needs its own error for its path.
            throw error.CopyForField();
        }
    }

    /// <summary>
    /// Gets the key calls of <paramref name="binding"/> share with the other calls to its source they may travel with in
    /// one request (see <see cref="IMergingConnector"/>), or <see langword="null"/> when each goes alone.
    /// </summary>
    public string? MergeKey(FieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return Merger(binding)?.MergeKey(binding) is { } key ? binding.Source + "\n" + key : null;
    }

    /// <summary>Gets the connector of <paramref name="binding"/>'s source if it merges calls.</summary>
    internal IMergingConnector? Merger(FieldBinding binding) => _connectors.GetValueOrDefault(binding.Source) as IMergingConnector;

    private void Record(BffRequestContext request, FieldBinding binding, IDownstreamConnector connector, string operation, long started, int batchSize, string outcome, string? status, int attempts, bool shortCircuited)
    {
        var elapsed = _time.GetElapsedTime(started);
        if (request.RecordCalls)
        {
            request.Calls.Enqueue(new DownstreamCallRecord(
                binding.Source, connector.Kind, operation, Math.Round(elapsed.TotalMilliseconds, 2), batchSize, outcome, status, attempts, shortCircuited));
        }

        BffTelemetry.DownstreamDuration.Record(
            elapsed.TotalMilliseconds,
            new KeyValuePair<string, object?>("bff.source", binding.Source),
            new KeyValuePair<string, object?>("bff.kind", connector.Kind),
            new KeyValuePair<string, object?>("bff.outcome", outcome));
        Activity.Current?.SetTag("bff.outcome", outcome);
        Activity.Current?.SetTag("bff.attempts", attempts);
    }
}

/// <summary>The selected part of a downstream response and the errors reported beside it.</summary>
/// <param name="Value">The selected part of the response.</param>
/// <param name="Errors">Errors the downstream reported with its data, paths relative to <paramref name="Value"/>.</param>
public sealed record DownstreamResult(JsonNode? Value, IReadOnlyList<DownstreamFieldError> Errors);
