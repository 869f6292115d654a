using System.Collections.Concurrent;

namespace Bff.Stitching.Execution;

/// <summary>
/// The typed state that capabilities keep per GraphQL operation (e.g. caching's hints, authorization's decisions),
/// keyed by type: a capability adds its own feature without the request context knowing it. Safe for the
/// concurrent resolvers of one operation.
/// </summary>
public sealed class RequestFeatures
{
    private ConcurrentDictionary<Type, object>? _features;

    /// <summary>Gets the feature of type <typeparamref name="T"/>, creating it on first use.</summary>
    public T Get<T>()
        where T : class, new() =>
        (T)LazyInitializer.EnsureInitialized(ref _features).GetOrAdd(typeof(T), static _ => new T());

    /// <summary>Gets the feature of type <typeparamref name="T"/> if it was created, else <see langword="null"/>.</summary>
    public T? Find<T>()
        where T : class =>
        _features is not null && _features.TryGetValue(typeof(T), out var feature) ? (T)feature : null;
}
