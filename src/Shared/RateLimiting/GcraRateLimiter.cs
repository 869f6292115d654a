using System.Collections.Concurrent;
using Bff.Redis;
using StackExchange.Redis;

namespace Bff.RateLimiting;

/// <summary>
/// Charges callers against policies: atomically in Redis (one Lua script for all of a request's policies, several concurrent requests per round trip, so N replicas share one budget),
/// or, while Redis is unavailable or not configured, in this instance's memory with the same algorithm.
/// </summary>
public sealed class GcraRateLimiter
{
    private readonly RedisStore _redis;
    private readonly RedisChargeBatcher _batches;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, double> _local = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _nextSweep;

    /// <summary>Creates the limiter.</summary>
    public GcraRateLimiter(RedisStore redis, TimeProvider time)
    {
        _redis = redis;
        _batches = new RedisChargeBatcher(redis);
        _time = time;
    }

    /// <summary>Gets the number of callers tracked in memory (the fallback's state).</summary>
    public int LocalPartitions => _local.Count;

    /// <summary>Charges <paramref name="cost"/> to <paramref name="partition"/> under the policy <paramref name="name"/>.</summary>
    public async Task<RateLimitDecision> AcquireAsync(string name, RateLimitPolicyOptions policy, string partition, long cost) =>
        (await AcquireAsync([new RateLimitCharge(name, policy, cost)], partition).ConfigureAwait(false))[0];

    /// <summary>
    /// Charges every one of <paramref name="charges"/> to <paramref name="partition"/> in one Redis round trip, all or
    /// nothing: admitted only when every policy admits, and a refusal charges none. One decision per charge, in order.
    /// </summary>
    public async Task<RateLimitDecision[]> AcquireAsync(IReadOnlyList<RateLimitCharge> charges, string partition)
    {
        ArgumentNullException.ThrowIfNull(charges);
        partition = Sanitize(partition);
        // One hash tag per caller, so every policy's key of a request lands in one Redis Cluster slot (one script).
        var tag = "{" + _redis.KeyPrefix + "rl:" + partition + "}:";
        var keys = new RedisKey[charges.Count];
        var args = new RedisValue[charges.Count * 3];
        for (var i = 0; i < charges.Count; i++)
        {
            var (name, policy, cost) = charges[i];
            keys[i] = tag + Sanitize(name);
            (args[3 * i], args[(3 * i) + 1], args[(3 * i) + 2]) = (Interval(policy), policy.Capacity, cost);
        }

        // Concurrent requests share a round trip (see RedisChargeBatcher); each is still all or nothing on its own.
        var (ok, values) = await _batches.ChargeAsync(keys, args).ConfigureAwait(false);
        if (ok && values.Length == charges.Count * 4)
        {
            return charges.Select((c, i) => Decision(c.Name, c.Policy, values[4 * i] == 1, values[(4 * i) + 1], values[(4 * i) + 2], values[(4 * i) + 3])).ToArray();
        }

        return Local(charges, partition);
    }

    private RateLimitDecision[] Local(IReadOnlyList<RateLimitCharge> charges, string partition)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000.0;
        lock (_gate)
        {
            var keys = charges.Select(c => "rl:" + partition + ":" + Sanitize(c.Name)).ToArray();
            var results = charges.Select((c, i) => Gcra.Charge(_local.TryGetValue(keys[i], out var tat) ? tat : null, now, Interval(c.Policy), c.Policy.Capacity, c.Cost)).ToArray();
            if (results.All(r => r.Allowed))
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    _local[keys[i]] = results[i].Tat;
                }
            }

            Sweep(now);
            return charges.Select((c, i) => Decision(c.Name, c.Policy, results[i].Allowed, results[i].Remaining, (long)results[i].RetryAfter, (long)results[i].ResetAfter)).ToArray();
        }
    }

    private static double Interval(RateLimitPolicyOptions policy) => policy.EmissionInterval.Ticks / 10.0;

    // A brace would end the key's hash tag early.
    private static string Sanitize(string value) => value.Replace('{', '(').Replace('}', ')');

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
