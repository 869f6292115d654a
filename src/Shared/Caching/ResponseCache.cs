using System.Collections.Concurrent;
using Bff.Redis;
using Bff.Stitching;
using StackExchange.Redis;

namespace Bff.Caching;

/// <summary>How a cached call was answered.</summary>
public enum CacheOutcome
{
    /// <summary>Not in the cache: this call went downstream and stored the answer.</summary>
    Miss,

    /// <summary>Answered from the in-process level or Redis.</summary>
    Hit,

    /// <summary>Answered by an identical call already in flight (stampede protection).</summary>
    Coalesced,
}

/// <summary>
/// Two-level store of downstream responses: in-process memory in front of Redis (shared by replicas; skipped while
/// Redis is unavailable). Concurrent misses of one key share one downstream call. Freshness is judged on the host's
/// <see cref="TimeProvider"/>; Redis' own expiry only collects old entries.
/// </summary>
public sealed class ResponseCache
{
    private readonly MemoryStore<CachedResponse> _memory;
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedResponse?>>> _inFlight = new(StringComparer.Ordinal);
    private readonly RedisStore _redis;
    private readonly TimeProvider _time;
    private readonly int _maxEntryBytes;

    /// <summary>Creates the cache.</summary>
    public ResponseCache(CacheOptions options, RedisStore redis, TimeProvider time)
    {
        _memory = new MemoryStore<CachedResponse>(options.MemoryMaxEntries, time);
        _redis = redis;
        _time = time;
        _maxEntryBytes = options.MaxEntryBytes;
    }

    /// <summary>
    /// Gets the fresh entry of <paramref name="key"/>, or runs <paramref name="load"/> once for all concurrent callers
    /// and stores its answer for <paramref name="maxAge"/>. A failed load is not stored and fails every waiter.
    /// </summary>
    public async Task<(DownstreamResponse Response, CacheOutcome Outcome, TimeSpan FreshFor)> GetOrLoadAsync(
        string key, TimeSpan maxAge, Func<Task<DownstreamResponse>> load, CancellationToken cancellationToken)
    {
        if (_memory.TryGet(key, out var cached))
        {
            return (cached.ToResponse("cache_hit"), CacheOutcome.Hit, FreshFor(cached));
        }

        DownstreamResponse? loaded = null;
        var mine = new Lazy<Task<CachedResponse?>>(() => LoadAsync(key, maxAge, async () => loaded = await load().ConfigureAwait(false)));
        var shared = _inFlight.GetOrAdd(key, mine);
        CachedResponse? entry;
        try
        {
            // The load runs to its own end (bounded by the source's timeout) even if this caller leaves.
            entry = await shared.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (ReferenceEquals(shared, mine))
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<CachedResponse?>>>(key, mine));
            }
        }

        if (ReferenceEquals(shared, mine) && loaded is not null)
        {
            return (loaded, CacheOutcome.Miss, maxAge);
        }

        if (entry is null)
        {
            // A response too large to store, served to the caller that loaded it: load again for this one.
            return (await load().ConfigureAwait(false), CacheOutcome.Miss, TimeSpan.Zero);
        }

        return (entry.ToResponse(ReferenceEquals(shared, mine) ? "cache_hit" : "cache_coalesced"),
            ReferenceEquals(shared, mine) ? CacheOutcome.Hit : CacheOutcome.Coalesced, FreshFor(entry));
    }

    private async Task<CachedResponse?> LoadAsync(string key, TimeSpan maxAge, Func<Task<DownstreamResponse>> load)
    {
        var redisKey = _redis.Key(key);
        var (found, payload) = await _redis.TryAsync(db => db.StringGetAsync(redisKey)).ConfigureAwait(false);
        if (found && payload.HasValue && CachedResponse.Decode((byte[])payload!) is { } remote && FreshFor(remote) > TimeSpan.Zero)
        {
            _memory.Set(key, remote, remote.ExpiresAt);
            return remote;
        }

        var response = await load().ConfigureAwait(false);
        var body = response.Body is null ? null : System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(response.Body);
        if (body?.Length > _maxEntryBytes)
        {
            return null;
        }

        var entry = new CachedResponse(body, response.Operation, response.Status, _time.GetUtcNow().Add(maxAge).ToUnixTimeMilliseconds());
        _memory.Set(key, entry, entry.ExpiresAt);
        await _redis.TryAsync(db => db.StringSetAsync(redisKey, entry.Encode(), maxAge, When.Always)).ConfigureAwait(false);
        return entry;
    }

    private TimeSpan FreshFor(CachedResponse entry) =>
        TimeSpan.FromMilliseconds(entry.ExpiresAt - _time.GetUtcNow().ToUnixTimeMilliseconds());
}
