using System.Collections.Concurrent;

namespace Bff.Caching;

/// <summary>
/// A bounded in-process key-value store with per-entry expiry on the host's <see cref="TimeProvider"/>: the first
/// cache level, and the fallback while Redis is away. When full it drops expired entries, then arbitrary ones.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class MemoryStore<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private readonly TimeProvider _time;

    /// <summary>Creates a store of at most <paramref name="capacity"/> entries (0 keeps nothing).</summary>
    public MemoryStore(int capacity, TimeProvider time)
    {
        _capacity = capacity;
        _time = time;
    }

    /// <summary>Gets the number of entries, expired ones included until they are swept.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the value of <paramref name="key"/> unless it is missing or expired.</summary>
    public bool TryGet(string key, out T value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > _time.GetUtcNow().ToUnixTimeMilliseconds())
            {
                value = entry.Value;
                return true;
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }

        value = null!;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> until <paramref name="expiresAt"/> (Unix milliseconds; <see cref="long.MaxValue"/>: never).</summary>
    public void Set(string key, T value, long expiresAt)
    {
        if (_capacity <= 0)
        {
            return;
        }

        if (_entries.Count >= _capacity && !_entries.ContainsKey(key))
        {
            Sweep();
        }

        _entries[key] = new Entry(value, expiresAt);
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    public void Remove(string key) => _entries.TryRemove(key, out _);

    private void Sweep()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (key, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }

        var target = _capacity - Math.Max(1, _capacity / 10);
        foreach (var key in _entries.Keys)
        {
            if (_entries.Count <= target)
            {
                break;
            }

            _entries.TryRemove(key, out _);
        }
    }

    private sealed record Entry(T Value, long ExpiresAt);
}
