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

    /// <summary>Queues <paramref name="key"/> and returns a result the execution strategy awaits after the level.</summary>
    public IDataLoaderResult<object?> Load(string key, Func<JsonNode?, object?> convert, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var batch = _current;
            batch.Keys.Add(key);
            return new Pending(this, batch, key, convert, cancellationToken);
        }
    }

    private Task<Dictionary<string, JsonNode?>> DispatchAsync(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (batch.Task is null)
            {
                batch.Task = FetchAsync(batch.Keys.ToList(), cancellationToken);
                if (ReferenceEquals(batch, _current))
                {
                    _current = new Batch();
                }
            }

            return batch.Task;
        }
    }

    private async Task<Dictionary<string, JsonNode?>> FetchAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var chunks = keys.Chunk(_maxBatchSize).Select(async chunk =>
        {
            var scope = _scope with { Keys = new JsonArray(chunk.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()) };
            return await _dispatcher.SendAsync(_binding, scope, _request, chunk.Length, cancellationToken).ConfigureAwait(false);
        });
        var results = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var response in await Task.WhenAll(chunks).ConfigureAwait(false))
        {
            var items = response as JsonArray ?? (response is null ? [] : new JsonArray(response.DeepClone()));
            foreach (var item in items)
            {
                var key = JsonPath.AsText(JsonPath.Get(item, _binding.MatchOn));
                if (key is null)
                {
                    continue;
                }

                var value = JsonPath.Get(item, _binding.Pick);
                if (_many)
                {
                    if (results.GetValueOrDefault(key) is not JsonArray group)
                    {
                        results[key] = group = new JsonArray();
                    }

                    group.Add(value?.DeepClone());
                }
                else
                {
                    results.TryAdd(key, value);
                }
            }
        }

        return results;
    }

    private sealed class Batch
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public Task<Dictionary<string, JsonNode?>>? Task { get; set; }
    }

    private sealed class Pending(BatchLoader loader, Batch batch, string key, Func<JsonNode?, object?> convert, CancellationToken requestToken)
        : IDataLoaderResult<object?>
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            Dictionary<string, JsonNode?> results;
            try
            {
                results = await loader.DispatchAsync(batch, requestToken).ConfigureAwait(false);
            }
            catch (BffError error)
            {
                // One failed batched call fails every parent's field, each with its own path.
                throw error.CopyForField();
            }

            return convert(results.TryGetValue(key, out var value) ? value : loader._many ? new JsonArray() : null);
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
