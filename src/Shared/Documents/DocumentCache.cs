using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace Bff.Documents;

/// <summary>
/// Parsed documents that passed validation, keyed by query text, so a repeated query is neither parsed nor
/// validated again. Bounded: when full, the oldest entries are evicted first.
/// </summary>
public sealed class DocumentCache
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly int _capacity;
    private readonly int _maxQueryLength;

    /// <summary>Creates a cache of at most <paramref name="capacity"/> documents.</summary>
    public DocumentCache(int capacity, int maxQueryLength)
    {
        _capacity = capacity;
        _maxQueryLength = maxQueryLength;
    }

    /// <summary>Gets the number of cached documents.</summary>
    public int Count => _documents.Count;

    /// <summary>Gets the validated document of <paramref name="query"/>, if cached.</summary>
    public GraphQLDocument? Get(string query) => _documents.GetValueOrDefault(query);

    /// <summary>Caches the validated document of <paramref name="query"/>.</summary>
    public void Set(string query, GraphQLDocument document)
    {
        if (_capacity <= 0 || query.Length > _maxQueryLength || !_documents.TryAdd(query, document))
        {
            return;
        }

        _order.Enqueue(query);
        while (_documents.Count > _capacity && _order.TryDequeue(out var oldest))
        {
            _documents.TryRemove(oldest, out _);
        }
    }
}
