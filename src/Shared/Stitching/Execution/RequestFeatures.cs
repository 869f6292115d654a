namespace Bff.Stitching.Execution;

/// <summary>
/// The typed state that capabilities keep per GraphQL operation (e.g. caching's hints, authorization's decisions),
/// keyed by type: a capability adds its own feature without the request context knowing it. Safe for the
/// concurrent resolvers of one operation.
/// </summary>
/// <remarks>
/// An operation holds a handful of features, so they live in a small array under a lock: a concurrent dictionary per
/// operation cost about 700 bytes before its first entry.
/// </remarks>
public sealed class RequestFeatures
{
    private readonly Lock _gate = new();
    private (Type Type, object Value)[] _features = [];

    /// <summary>Gets the feature of type <typeparamref name="T"/>, creating it on first use.</summary>
    public T Get<T>()
        where T : class, new()
    {
        lock (_gate)
        {
            if (FindLocked(typeof(T)) is T found)
            {
                return found;
            }

            var created = new T();
            _features = [.. _features, (typeof(T), created)];
            return created;
        }
    }

    /// <summary>Gets the feature of type <typeparamref name="T"/> if it was created, else <see langword="null"/>.</summary>
    public T? Find<T>()
        where T : class
    {
        lock (_gate)
        {
            return FindLocked(typeof(T)) as T;
        }
    }

    private object? FindLocked(Type type)
    {
        foreach (var (key, value) in _features)
        {
            if (key == type)
            {
                return value;
            }
        }

        return null;
    }
}
