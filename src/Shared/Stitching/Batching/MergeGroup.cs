using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching.Batching;

/// <summary>
/// The calls to one source that the fields of one level make, sent as one request when the first of them is awaited
/// (GraphQL.NET awaits deferred results only after every resolver of the level ran, so by then every part is in).
/// One call goes as it is; several go as the one call their connector merges them into, whose answer is split back.
/// </summary>
public sealed class MergeGroup
{
    private readonly Lock _gate = new();
    private readonly List<MergePart> _parts = [];
    private readonly DownstreamDispatcher _dispatcher;
    private readonly BffRequestContext _request;
    private Task? _sent;

    internal MergeGroup(DownstreamDispatcher dispatcher, BffRequestContext request) => (_dispatcher, _request) = (dispatcher, request);

    internal MergePart? TryAdd(FieldBinding binding, Func<IReadOnlyList<(BindingScope Scope, int BatchSize)>> calls)
    {
        lock (_gate)
        {
            if (_sent is not null)
            {
                return null;
            }

            var part = new MergePart(this, binding, calls);
            _parts.Add(part);
            return part;
        }
    }

    internal Task SendOnceAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _sent ??= SendAsync(cancellationToken);
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        // Off the caller's lock: reading a batch's calls takes its loader's lock, which is held while a batch joins a group.
        await Task.Yield();
        List<MergePart> parts;
        lock (_gate)
        {
            parts = [.. _parts];
        }

        try
        {
            var calls = parts.SelectMany(p => p.Calls().Select(c => (Part: p, c.Scope, c.BatchSize))).ToList();
            var results = calls.Count == 1
                ? [await _dispatcher.SendAsync(calls[0].Part.Binding, calls[0].Scope, _request, calls[0].BatchSize, cancellationToken).ConfigureAwait(false)]
                : await SendMergedAsync(calls.Select(c => (c.Part.Binding, c.Scope, c.BatchSize)).ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var part in parts)
            {
                part.Complete([.. calls.Select((c, i) => (c.Part, Index: i)).Where(c => c.Part == part).Select(c => results[c.Index])]);
            }
        }
        catch (Exception ex)
        {
            parts.ForEach(p => p.Fail(ex));
        }
    }

    private async Task<IReadOnlyList<DownstreamResult>> SendMergedAsync(List<(FieldBinding Binding, BindingScope Scope, int BatchSize)> calls, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
        {
            return [];
        }

        var merged = _dispatcher.Merger(calls[0].Binding)!.Merge([.. calls.Select(c => (c.Binding, c.Scope))]);
        var result = await _dispatcher.SendAsync(merged.Binding, merged.Scope, _request, calls.Sum(c => c.BatchSize), cancellationToken).ConfigureAwait(false);
        return [.. merged.Parts.Select(prefix => Split(result, prefix, merged.Parts))];
    }

    // An error under a part's first step is that part's (under its prefix, else on its field); one under no part's is every part's.
    private static DownstreamResult Split(DownstreamResult result, IReadOnlyList<string> prefix, IReadOnlyList<IReadOnlyList<string>> parts) => new(
        JsonPath.Get(result.Value, prefix),
        [.. result.Errors.Select(e => Starts(e, prefix) ? e.Under(prefix) ?? e with { Path = [] } : parts.Any(p => Starts(e, p)) ? null : e with { Path = [] })
            .OfType<DownstreamFieldError>()]);

    private static bool Starts(DownstreamFieldError error, IReadOnlyList<string> prefix) =>
        error.Path.Count > 0 && error.Path[0] is string first && first == prefix[0];
}

/// <summary>One field's share of a <see cref="MergeGroup"/>: its calls, and their answers once the group was sent.</summary>
public sealed class MergePart
{
    private readonly MergeGroup _group;
    private readonly Func<IReadOnlyList<(BindingScope Scope, int BatchSize)>> _calls;
    private readonly TaskCompletionSource<IReadOnlyList<DownstreamResult>> _results = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal MergePart(MergeGroup group, FieldBinding binding, Func<IReadOnlyList<(BindingScope Scope, int BatchSize)>> calls) =>
        (_group, Binding, _calls) = (group, binding, calls);

    /// <summary>Gets the binding of the part's calls.</summary>
    public FieldBinding Binding { get; }

    /// <summary>Sends the group (once) and gets the answers of this part's calls, in order; throws the failure of the request.</summary>
    public async Task<IReadOnlyList<DownstreamResult>> ResultsAsync(CancellationToken cancellationToken)
    {
        _ = _group.SendOnceAsync(cancellationToken);
        return await _results.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal IReadOnlyList<(BindingScope Scope, int BatchSize)> Calls() => _calls();

    internal void Complete(IReadOnlyList<DownstreamResult> results) => _results.TrySetResult(results);

    internal void Fail(Exception exception) => _results.TrySetException(exception);
}
