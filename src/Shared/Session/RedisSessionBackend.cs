using System.Text.Json;
using Bff.Redis;
using StackExchange.Redis;

namespace Bff.Session;

/// <summary>
/// Sessions in Redis, shared by every replica: <c>session:{key}</c> holds the record (idle lifetime as the key's TTL,
/// extended by <c>GETEX</c> in the same round trip as the read), <c>session-sub:</c> and <c>session-sid:</c> index
/// the keys for back-channel logout.
/// </summary>
internal sealed class RedisSessionBackend(RedisStore redis) : ISessionBackend
{
    public async Task<(bool Ok, SessionRecord? Record)> GetAsync(string key, TimeSpan idle)
    {
        var (ok, value) = await redis.TryAsync(db => db.StringGetSetExpiryAsync(redis.Key("session:" + key), idle)).ConfigureAwait(false);
        return (ok, ok && value.HasValue ? JsonSerializer.Deserialize((byte[])value!, SessionJson.Default.SessionRecord) : null);
    }

    public async Task<bool> SetAsync(string key, SessionRecord record, TimeSpan ttl, TimeSpan indexTtl)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, SessionJson.Default.SessionRecord);
        var (ok, _) = await redis.TryAsync<bool>(async db =>
        {
            var batch = db.CreateTransaction();
            _ = batch.StringSetAsync(redis.Key("session:" + key), json, ttl);
            foreach (var index in Indexes(record))
            {
                _ = batch.SetAddAsync(index, key);
                // The index lives as long as its longest session could; stale members are skipped at logout.
                _ = batch.KeyExpireAsync(index, indexTtl, ExpireWhen.GreaterThanCurrentExpiry);
                _ = batch.KeyExpireAsync(index, indexTtl, ExpireWhen.HasNoExpiry);
            }

            return await batch.ExecuteAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        return ok;
    }

    public async Task<bool> RemoveAsync(string key, SessionRecord record)
    {
        var (ok, _) = await redis.TryAsync<bool>(async db =>
        {
            var batch = db.CreateTransaction();
            _ = batch.KeyDeleteAsync(redis.Key("session:" + key));
            foreach (var index in Indexes(record))
            {
                _ = batch.SetRemoveAsync(index, key);
            }

            return await batch.ExecuteAsync().ConfigureAwait(false);
        }).ConfigureAwait(false);
        return ok;
    }

    public async Task<(bool Ok, int Count)> RemoveAllAsync(string? subject, string? providerSessionId)
    {
        var indexes = new List<RedisKey>();
        if (subject is not null)
        {
            indexes.Add(redis.Key("session-sub:" + subject));
        }

        if (providerSessionId is not null)
        {
            indexes.Add(redis.Key("session-sid:" + providerSessionId));
        }

        return await redis.TryAsync<int>(async db =>
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var index in indexes)
            {
                keys.UnionWith((await db.SetMembersAsync(index).ConfigureAwait(false)).Select(m => m.ToString()));
            }

            var deleted = keys.Count == 0 ? 0 : await db.KeyDeleteAsync(keys.Select(k => redis.Key("session:" + k)).ToArray()).ConfigureAwait(false);
            return (int)deleted;
        }).ConfigureAwait(false);
    }

    public Task<(bool Ok, bool Taken)> TryLockAsync(string key, string owner, TimeSpan ttl) =>
        redis.TryAsync(db => db.StringSetAsync(redis.Key("session-lock:" + key), owner, ttl, When.NotExists));

    public Task ReleaseAsync(string key, string owner) =>
        redis.TryAsync(db => db.ScriptEvaluateAsync(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end",
            [redis.Key("session-lock:" + key)], [owner]));

    public Task<(bool Ok, bool First)> MarkOnceAsync(string id, TimeSpan ttl) =>
        redis.TryAsync(db => db.StringSetAsync(redis.Key("session-jti:" + id), 1, ttl, When.NotExists));

    private IEnumerable<RedisKey> Indexes(SessionRecord record)
    {
        yield return redis.Key("session-sub:" + record.Subject);
        if (record.ProviderSessionId is { } sid)
        {
            yield return redis.Key("session-sid:" + sid);
        }
    }
}
