using System.Collections.Concurrent;
using Bff.Redis;
using StackExchange.Redis;

namespace Bff.RateLimiting;

/// <summary>
/// Charges callers against policies: atomically in Redis (one Lua script per charge, so N replicas share one budget),
/// or, while Redis is unavailable or not configured, in this instance's memory with the same algorithm.
/// </summary>
public sealed class GcraRateLimiter
{
    private readonly RedisStore _redis;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, double> _local = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _nextSweep;

    /// <summary>Creates the limiter.</summary>
    public GcraRateLimiter(RedisStore redis, TimeProvider time)
    {
        _redis = redis;
        _time = time;
    }

    /// <summary>Gets the number of callers tracked in memory (the fallback's state).</summary>
    public int LocalPartitions => _local.Count;

    /// <summary>Charges <paramref name="cost"/> to <paramref name="partition"/> under the policy <paramref name="name"/>.</summary>
    public async Task<RateLimitDecision> AcquireAsync(string name, RateLimitPolicyOptions policy, string partition, long cost)
    {
        var interval = policy.EmissionInterval.Ticks / 10.0;
        var capacity = policy.Capacity;
        var key = $"rl:{name}:{partition}".Replace('{', '(').Replace('}', ')');
        RedisKey redisKey = "{" + _redis.KeyPrefix + key + "}";
        var (ok, result) = await _redis.TryAsync(db => db.ScriptEvaluateAsync(Gcra.Script, [redisKey],
            [interval, capacity, cost])).ConfigureAwait(false);
        if (ok && result.Length == 4)
        {
            var values = (long[])result!;
            return Decision(name, policy, values[0] == 1, values[1], values[2], values[3]);
        }

        return Local(name, policy, key, interval, capacity, cost);
    }

    private RateLimitDecision Local(string name, RateLimitPolicyOptions policy, string key, double interval, long capacity, long cost)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000.0;
        lock (_gate)
        {
            var charge = Gcra.Charge(_local.TryGetValue(key, out var tat) ? tat : null, now, interval, capacity, cost);
            if (charge.Allowed)
            {
                _local[key] = charge.Tat;
            }

            Sweep(now);
            return Decision(name, policy, charge.Allowed, charge.Remaining, (long)charge.RetryAfter, (long)charge.ResetAfter);
        }
    }

    private void Sweep(double now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = (long)now + 10_000_000;
        foreach (var (key, tat) in _local)
        {
            if (tat <= now)
            {
                _local.TryRemove(key, out _);
            }
        }
    }

    private static RateLimitDecision Decision(string name, RateLimitPolicyOptions policy, bool allowed, long remaining, long retryAfterMicros, long resetMicros) =>
        new(name, allowed, policy.Capacity, Math.Max(0, remaining),
            TimeSpan.FromTicks(retryAfterMicros * 10), TimeSpan.FromTicks(resetMicros * 10), policy.Window);
}
