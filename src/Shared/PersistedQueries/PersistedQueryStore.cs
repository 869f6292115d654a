using Bff.Caching;
using Bff.Redis;

namespace Bff.PersistedQueries;

/// <summary>
/// Query texts by SHA-256 hash: in-process memory in front of Redis, so a query registered on one replica is known to
/// all. Each use extends the entry's life by <see cref="PersistedQueryOptions.Ttl"/>.
/// </summary>
public sealed class PersistedQueryStore
{
    private readonly MemoryStore<string> _memory;
    private readonly RedisStore _redis;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;

    /// <summary>Creates the store.</summary>
    public PersistedQueryStore(PersistedQueryOptions options, RedisStore redis, TimeProvider time)
    {
        _memory = new MemoryStore<string>(options.MemoryMaxEntries, time);
        _redis = redis;
        _time = time;
        _ttl = options.Ttl;
    }

    /// <summary>Gets the query registered under <paramref name="hash"/> (lowercase hex), or <see langword="null"/>.</summary>
    public async Task<string?> GetAsync(string hash)
    {
        if (_memory.TryGet(hash, out var query))
        {
            return query;
        }

        var key = _redis.Key("apq:" + hash);
        var (ok, value) = await _redis.TryAsync(db => db.StringGetSetExpiryAsync(key, _ttl)).ConfigureAwait(false);
        if (!ok || value.IsNullOrEmpty)
        {
            return null;
        }

        query = value.ToString();
        _memory.Set(hash, query, Expiry());
        return query;
    }

    /// <summary>Registers <paramref name="query"/> under its <paramref name="hash"/> (already verified).</summary>
    public async Task SetAsync(string hash, string query)
    {
        _memory.Set(hash, query, Expiry());
        var key = _redis.Key("apq:" + hash);
        await _redis.TryAsync(db => db.StringSetAsync(key, query, _ttl)).ConfigureAwait(false);
    }

    private long Expiry() => _time.GetUtcNow().Add(_ttl).ToUnixTimeMilliseconds();
}
