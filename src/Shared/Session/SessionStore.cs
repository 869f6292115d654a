using System.Security.Cryptography;
using System.Text;
using Bff.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Session;

/// <summary>
/// The server-side session store. The cookie holds only a random 256-bit id; the store is keyed by its SHA-256, so
/// reading Redis does not yield usable cookies. Sessions live in Redis when it is configured (every replica sees
/// them, and ending one ends it everywhere at once), else in memory. While Redis is down the store fails closed or
/// falls back to memory, as <see cref="WebSessionOptions.WhenRedisDown"/> says.
/// </summary>
public sealed partial class SessionStore
{
    private readonly ISessionBackend _primary;
    private readonly MemorySessionBackend _memory;
    private readonly WebSessionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionStore> _logger;
    private int _degraded;

    /// <summary>Creates the store over the host's Redis connection (or memory, when none is configured).</summary>
    public SessionStore(RedisStore redis, WebSessionOptions options, TimeProvider time, ILogger<SessionStore> logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _memory = new MemorySessionBackend(time);
        _primary = redis.IsConfigured ? new RedisSessionBackend(redis) : _memory;
        _options = options;
        _time = time;
        _logger = logger;
        IsShared = redis.IsConfigured;
    }

    /// <summary>Gets a value indicating whether sessions are kept in Redis (shared by replicas).</summary>
    public bool IsShared { get; }

    /// <summary>Makes a new unguessable session id (the cookie's value).</summary>
    public static string NewId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Finds the live session of <paramref name="id"/> and extends its idle lifetime; <see langword="null"/> when there is none.</summary>
    /// <exception cref="SessionStoreUnavailableException">Redis is down and the store fails closed.</exception>
    public async Task<SessionRecord?> FindAsync(string id)
    {
        var key = KeyOf(id);
        var record = await RunAsync(b => b.GetAsync(key, _options.IdleTimeout)).ConfigureAwait(false);
        if (record is not null && record.AbsoluteExpiresAt <= _time.GetUtcNow())
        {
            await RemoveAsync(id, record).ConfigureAwait(false);
            return null;
        }

        return record;
    }

    /// <summary>Stores <paramref name="record"/> under <paramref name="id"/> (a new session, or new tokens for one).</summary>
    public Task SaveAsync(string id, SessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var left = record.AbsoluteExpiresAt - _time.GetUtcNow();
        var ttl = left < _options.IdleTimeout ? left : _options.IdleTimeout;
        return ttl <= TimeSpan.Zero ? Task.CompletedTask : RunAsync(async b => (await b.SetAsync(KeyOf(id), record, ttl, left).ConfigureAwait(false), true));
    }

    /// <summary>Ends the session of <paramref name="id"/>.</summary>
    public Task RemoveAsync(string id, SessionRecord record) =>
        RunAsync(async b => (await b.RemoveAsync(KeyOf(id), record).ConfigureAwait(false), true));

    /// <summary>Ends every session of <paramref name="subject"/> and/or <paramref name="providerSessionId"/>; returns how many.</summary>
    public Task<int> EndAllAsync(string? subject, string? providerSessionId) =>
        RunAsync(b => b.RemoveAllAsync(subject, providerSessionId));

    /// <summary>Takes the refresh lock of session <paramref name="id"/> (one refresh per session across replicas).</summary>
    public Task<bool> TryLockAsync(string id, string owner, TimeSpan ttl) => RunAsync(b => b.TryLockAsync(KeyOf(id), owner, ttl));

    /// <summary>Releases the refresh lock taken by <paramref name="owner"/>.</summary>
    public Task ReleaseAsync(string id, string owner) => RunAsync(async b =>
    {
        await b.ReleaseAsync(KeyOf(id), owner).ConfigureAwait(false);
        return (true, true);
    });

    /// <summary>Records a one-time id for <paramref name="ttl"/>; false when it was recorded before (a replay).</summary>
    public Task<bool> MarkOnceAsync(string id, TimeSpan ttl) => RunAsync(b => b.MarkOnceAsync(id, ttl));

    internal static string KeyOf(string id) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private async Task<T> RunAsync<T>(Func<ISessionBackend, Task<(bool Ok, T Value)>> operation)
    {
        var (ok, value) = await operation(_primary).ConfigureAwait(false);
        if (ok)
        {
            if (Interlocked.Exchange(ref _degraded, 0) == 1)
            {
                LogRedisBack(_logger);
            }

            return value;
        }

        var first = Interlocked.Exchange(ref _degraded, 1) == 0;
        if (_options.WhenRedisDown == SessionStoreFallback.Memory)
        {
            if (first)
            {
                LogFallingBack(_logger);
            }

            return (await operation(_memory).ConfigureAwait(false)).Value;
        }

        if (first)
        {
            LogFailingClosed(_logger);
        }

        throw new SessionStoreUnavailableException();
    }
}

/// <summary>The session store cannot answer (Redis down, and the store fails closed).</summary>
public sealed class SessionStoreUnavailableException() : Exception("The session store is unavailable.");
