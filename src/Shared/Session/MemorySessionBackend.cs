using System.Collections.Concurrent;

namespace Bff.Session;

/// <summary>Sessions in this process's memory: without Redis (a single instance), or as the configured fallback while it is down.</summary>
internal sealed class MemorySessionBackend(TimeProvider time) : ISessionBackend
{
    private readonly ConcurrentDictionary<string, (SessionRecord Record, DateTimeOffset IdleEnd)> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Owner, DateTimeOffset End)> _locks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _once = new(StringComparer.Ordinal);

    public Task<(bool Ok, SessionRecord? Record)> GetAsync(string key, TimeSpan idle)
    {
        var now = time.GetUtcNow();
        if (!_sessions.TryGetValue(key, out var entry) || entry.IdleEnd <= now)
        {
            return Task.FromResult<(bool, SessionRecord?)>((true, null));
        }

        _sessions[key] = (entry.Record, now + idle);
        return Task.FromResult<(bool, SessionRecord?)>((true, entry.Record));
    }

    public Task<bool> SetAsync(string key, SessionRecord record, TimeSpan ttl, TimeSpan indexTtl)
    {
        _sessions[key] = (record, time.GetUtcNow() + ttl);
        return Task.FromResult(true);
    }

    public Task<bool> RemoveAsync(string key, SessionRecord record)
    {
        _sessions.TryRemove(key, out _);
        return Task.FromResult(true);
    }

    public Task<(bool Ok, int Count)> RemoveAllAsync(string? subject, string? providerSessionId)
    {
        var ended = _sessions
            .Where(s => (subject is not null && s.Value.Record.Subject == subject)
                || (providerSessionId is not null && s.Value.Record.ProviderSessionId == providerSessionId))
            .Count(s => _sessions.TryRemove(s.Key, out _));
        return Task.FromResult((true, ended));
    }

    public Task<(bool Ok, bool Taken)> TryLockAsync(string key, string owner, TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        var taken = _locks.AddOrUpdate(key, (owner, now + ttl), (_, held) => held.End <= now ? (owner, now + ttl) : held).Owner == owner;
        return Task.FromResult((true, taken));
    }

    public Task ReleaseAsync(string key, string owner)
    {
        if (_locks.TryGetValue(key, out var held) && held.Owner == owner)
        {
            _locks.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(key, held));
        }

        return Task.CompletedTask;
    }

    public Task<(bool Ok, bool First)> MarkOnceAsync(string id, TimeSpan ttl)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _once.Where(o => o.Value <= now))
        {
            _once.TryRemove(stale.Key, out _);
        }

        return Task.FromResult((true, _once.TryAdd(id, now + ttl)));
    }
}
