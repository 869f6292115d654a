using System.Diagnostics;
using System.Text.Json.Nodes;
using Bff.Observability;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
    private readonly ILogger _logger;

    /// <summary>Creates the dispatcher over the connectors of every configured source and the call filters.</summary>
    public DownstreamDispatcher(IReadOnlyDictionary<string, IDownstreamConnector> connectors, TimeProvider time, IEnumerable<IDownstreamCallFilter>? filters = null, ILogger? logger = null)
    {
        _connectors = connectors;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        DownstreamCallDelegate pipeline = (call, cancellationToken) => call.StreamLifetime is null
            ? _connectors[call.Binding.Source].SendAsync(call, cancellationToken)
            : OpenAsync(call, cancellationToken);
        foreach (var filter in (filters ?? []).OrderByDescending(f => f.Order))
        {
            var next = pipeline;
            pipeline = (call, cancellationToken) => filter.InvokeAsync(call, next, cancellationToken);
        }

        _pipeline = pipeline;
    }

    /// <summary>Gets the clock the dispatcher measures calls with.</summary>
    internal TimeProvider Time => _time;

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
            // A failure may be shared (a call coalesced by the cache); each field needs its own error for its path.
            RecordFailure(request, binding, connector, started, batchSize, error);
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

    /// <summary>
    /// Opens the stream of <paramref name="binding"/> through the filters (circuit breaker, timeouts: they bound the
    /// opening only) and returns it, open; the caller disposes it. Cancelling <paramref name="lifetime"/> ends the stream.
    /// </summary>
    /// <exception cref="BffError">The stream could not be opened (a <c>DOWNSTREAM_*</c> or <c>CIRCUIT_OPEN</c> code).</exception>
    public async Task<IDownstreamStream> OpenStreamAsync(FieldBinding binding, BindingScope scope, BffRequestContext request, CancellationToken lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var connector = _connectors[binding.Source];
        using var activity = BffTelemetry.ActivitySource.StartActivity($"{binding.Source} {binding.Operation} open", ActivityKind.Client);
        activity?.SetTag("bff.source", binding.Source);
        var started = _time.GetTimestamp();
        try
        {
            var call = new DownstreamCall(binding, scope, request, 1, connector.Kind) { StreamLifetime = lifetime };
            var response = await _pipeline(call, cancellationToken).ConfigureAwait(false);
            Record(request, binding, connector, response.Operation, started, 1, "stream_opened", response.Status, response.Attempts, shortCircuited: false);
            return response.Stream ?? throw new InvalidOperationException($"The connector of {binding.Source} answered a stream call without a stream.");
        }
        catch (BffError error)
        {
            // Each opening is its own call, never shared: the failure keeps its type (whether it may pass) for resubscribing.
            RecordFailure(request, binding, connector, started, 1, error);
            throw;
        }
    }

    /// <summary>
    /// Gets the events of the stream of <paramref name="binding"/>: opened on subscribe, cancelled on dispose, each message
    /// (its <see cref="FieldBinding.Select"/>ed part) one event; a failure is one error, then the end, unless
    /// <paramref name="resubscribe"/> opens the stream again.
    /// </summary>
    public IObservable<JsonNode?> Subscribe(FieldBinding binding, BindingScope scope, BffRequestContext request, ResubscribeOptions resubscribe) =>
        new DownstreamSubscription(this, binding, scope, request, resubscribe, _time, _logger);

    private async Task<DownstreamResponse> OpenAsync(DownstreamCall call, CancellationToken cancellationToken)
    {
        var connector = _connectors[call.Binding.Source] as IStreamingConnector
            ?? throw new InvalidOperationException($"Source {call.Binding.Source} cannot open streams.");
        var stream = await connector.OpenStreamAsync(call, cancellationToken).ConfigureAwait(false);
        return new DownstreamResponse(null, call.Binding.Operation, "OK") { Stream = stream };
    }

    private void RecordFailure(BffRequestContext request, FieldBinding binding, IDownstreamConnector connector, long started, int batchSize, BffError error) =>
        Record(request, binding, connector, binding.Operation, started, batchSize, error.Code ?? ErrorCodes.DownstreamError,
            error.ExtraExtensions.TryGetValue("status", out var status) ? status?.ToString() : null,
            error is DownstreamFailure failure ? failure.Attempts : 1, error is DownstreamFailure { Attempts: 0 });

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
