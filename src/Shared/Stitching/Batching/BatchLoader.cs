using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using GraphQL.DataLoader;

namespace Bff.Stitching.Batching;

/// <summary>
/// Collects the keys of one batched binding while GraphQL.NET resolves a level of the tree, then resolves them all
/// with one downstream call (split only when a batch exceeds the source's <see cref="SourceOptions.MaxBatchSize"/>).
/// </summary>
public sealed class BatchLoader
{
    private readonly FieldBinding _binding;
    private readonly DownstreamDispatcher _dispatcher;
    private readonly BindingScope _scope;
    private readonly BffRequestContext _request;
    private readonly int _maxBatchSize;
    private readonly bool _many;
    private readonly Lock _gate = new();
    private Batch _current = new();

    /// <summary>Creates a loader; <paramref name="scope"/> supplies the non-key template values.</summary>
    public BatchLoader(FieldBinding binding, DownstreamDispatcher dispatcher, BindingScope scope, BffRequestContext request, int maxBatchSize, bool many)
    {
        _binding = binding;
        _dispatcher = dispatcher;
        _scope = scope;
        _request = request;
        _maxBatchSize = maxBatchSize;
        _many = many;
    }

    /// <summary>
    /// Gets or sets the merge key of the binding's calls (<see cref="DownstreamDispatcher.MergeKey"/>): when set, each
    /// batch joins the level's <see cref="MergeGroup"/> of its source instead of being sent alone.
    /// </summary>
    public string? MergeKey { get; init; }

    /// <summary>Queues <paramref name="key"/> and returns a result the execution strategy awaits after the level.</summary>
    /// <param name="key">The parent's key.</param>
    /// <param name="convert">Turns the parent's value, with the errors the downstream reported under it, into the field's result.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public IDataLoaderResult<object?> Load(string key, Func<JsonNode?, IReadOnlyList<DownstreamFieldError>, object?> convert, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var batch = _current;
            if (MergeKey is not null && batch.Part is null)
            {
                batch.Part = _request.Features.Get<MergedCalls>().Add(MergeKey, _dispatcher, _request, _binding, () => Close(batch));
            }

            batch.Keys.Add(key);
            return new Pending(this, batch, key, convert, cancellationToken);
        }
    }

    private Task<Dictionary<string, Loaded>> DispatchAsync(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Task is null)
            {
                batch.Task = batch.Part is { } part ? FetchMergedAsync(batch, part, cancellationToken) : FetchAsync(batch.Keys.ToList(), cancellationToken);
                if (ReferenceEquals(batch, _current))
                {
                    _current = new Batch();
                }
            }

            return batch.Task;
        }
    }

    private async Task<Dictionary<string, Loaded>> FetchAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var chunks = keys.Chunk(_maxBatchSize).Select(async chunk =>
            (Keys: chunk, Result: await _dispatcher.SendAsync(_binding, ScopeOf(chunk), _request, chunk.Length, cancellationToken).ConfigureAwait(false)));
        return Distribute(await Task.WhenAll(chunks).ConfigureAwait(false));
    }

    private async Task<Dictionary<string, Loaded>> FetchMergedAsync(Batch batch, MergePart part, CancellationToken cancellationToken)
    {
        var results = await part.ResultsAsync(cancellationToken).ConfigureAwait(false);
        return Distribute([.. batch.Chunks.Zip(results)]);
    }

    // Called when the batch's merge group is sent: the level is resolved, so the batch has every key it will get.
    private IReadOnlyList<(BindingScope Scope, int BatchSize)> Close(Batch batch)
    {
        lock (_gate)
        {
            if (ReferenceEquals(batch, _current))
            {
                _current = new Batch();
            }

            batch.Chunks = [.. batch.Keys.Chunk(_maxBatchSize)];
            return [.. batch.Chunks.Select(chunk => (ScopeOf(chunk), chunk.Length))];
        }
    }

    private BindingScope ScopeOf(string[] chunk) => _scope with { Keys = new JsonArray([.. chunk.Select(k => (JsonNode?)JsonValue.Create(k))]) };

    private Dictionary<string, Loaded> Distribute(IEnumerable<(string[] Keys, DownstreamResult Result)> answers)
    {
        var results = new Dictionary<string, Loaded>(StringComparer.Ordinal);
        foreach (var (chunk, (response, errors)) in answers)
        {
            var items = response as JsonArray ?? (response is null ? [] : new JsonArray(JsonCopy.Of(response)));
            List<(JsonArray List, JsonNode? Value)>? moves = _many ? [] : null;
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                var key = JsonPath.AsText(JsonPath.Get(item, _binding.MatchOn));
                if (key is null)
                {
                    continue;
                }

                var value = JsonPath.Get(item, _binding.Pick);
                var loaded = results.TryGetValue(key, out var found) ? found : results[key] = new Loaded(_many ? new JsonArray() : value);
                object[] position = _many ? [loaded.Count++] : [];
                moves?.Add(((JsonArray)loaded.Value!, value));
                if (errors.Count == 0)
                {
                    continue;
                }

                var prefix = new List<object> { index };
                prefix.AddRange(_binding.Pick);
                loaded.Errors.AddRange(errors.Select(e => e.Under(prefix)).OfType<DownstreamFieldError>().Select(e => e with { Path = [.. position, .. e.Path] }));
            }

            // An error outside every item (no path, or a path into nothing) is each parent's of the chunk.
            var placed = errors.Where(e => e.Path.Count > 0 && e.Path[0] is int i && i < items.Count && JsonPath.AsText(JsonPath.Get(items[i], _binding.MatchOn)) is not null);
            foreach (var error in errors.Count == 0 ? [] : errors.Except(placed))
            {
                foreach (var key in chunk)
                {
                    var loaded = results.TryGetValue(key, out var found) ? found : results[key] = new Loaded(_many ? new JsonArray() : null);
                    loaded.Errors.Add(error with { Path = [] });
                }
            }

            // Each item goes to one parent's list. The response belongs to this batch alone (a cached or coalesced
            // answer is parsed again for each reader), so whole items move out of it; a picked part is copied.
            if (moves is { Count: > 0 })
            {
                if (_binding.Pick.Count == 0)
                {
                    items.Clear();
                }

                foreach (var (list, value) in moves)
                {
                    list.Add(_binding.Pick.Count == 0 ? value : JsonCopy.Of(value));
                }
            }
        }

        return results;
    }

    private sealed record Loaded(JsonNode? Value)
    {
        public List<DownstreamFieldError> Errors { get; } = [];

        public int Count { get; set; }
    }

    private sealed class Batch
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public Task<Dictionary<string, Loaded>>? Task { get; set; }

        public MergePart? Part { get; set; }

        public IReadOnlyList<string[]> Chunks { get; set; } = [];
    }

    private sealed class Pending(BatchLoader loader, Batch batch, string key, Func<JsonNode?, IReadOnlyList<DownstreamFieldError>, object?> convert, CancellationToken requestToken)
        : IDataLoaderResult<object?>
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            Dictionary<string, Loaded> results;
            try
            {
                results = await loader.DispatchAsync(batch, requestToken).ConfigureAwait(false);
            }
            catch (BffError error)
            {
                // One failed batched call fails every parent's field, each with its own path.
                throw error.CopyForField();
            }

            return results.TryGetValue(key, out var loaded)
                ? convert(loaded.Value, loaded.Errors)
                : convert(loader._many ? new JsonArray() : null, []);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
