using Bff.RateLimiting;
using Bff.Redis;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bff.Tests.RateLimiting;

/// <summary>The GCRA arithmetic, and the Redis script against the same numbers.</summary>
[Collection(RedisCollection.Name)]
public sealed class GcraTests(RedisServer redis)
{
    private const double Second = 1_000_000;

    [Fact]
    public void A_full_bucket_admits_the_burst_then_one_permit_per_interval()
    {
        double? tat = null;
        var admitted = 0;
        for (var i = 0; i < 10; i++)
        {
            var charge = Gcra.Charge(tat, 0, Second, capacity: 5, cost: 1);
            if (charge.Allowed)
            {
                admitted++;
                tat = charge.Tat;
            }
        }

        var refused = Gcra.Charge(tat, 0, Second, 5, 1);
        var later = Gcra.Charge(tat, Second, Second, 5, 1);

        Assert.Equal(5, admitted);
        Assert.False(refused.Allowed);
        Assert.Equal(Second, refused.RetryAfter);
        Assert.Equal(5 * Second, refused.ResetAfter);
        Assert.True(later.Allowed);
        Assert.Equal(0, later.Remaining);
    }

    [Fact]
    public void A_cost_above_what_remains_is_refused_without_spending_anything()
    {
        var first = Gcra.Charge(null, 0, Second, capacity: 10, cost: 7);
        var second = Gcra.Charge(first.Tat, 0, Second, 10, 4);
        var third = Gcra.Charge(first.Tat, 0, Second, 10, 3);

        Assert.Equal(3, first.Remaining);
        Assert.False(second.Allowed);
        Assert.Equal(first.Tat, second.Tat);
        Assert.True(third.Allowed);
    }

    [Fact]
    public async Task Redis_script_and_local_fallback_give_the_same_answers()
    {
        var policy = new RateLimitPolicyOptions { PermitLimit = 4, Window = TimeSpan.FromHours(1) };
        await using var store = new RedisStore(redis.ConnectionString, new RedisOptions(), $"test:{Guid.NewGuid():N}:", TimeProvider.System, NullLogger<RedisStore>.Instance);
        await store.StartAsync(CancellationToken.None);
        var shared = new GcraRateLimiter(store, TimeProvider.System);
        await using var none = new RedisStore(null, new RedisOptions(), "", TimeProvider.System, NullLogger<RedisStore>.Instance);
        var local = new GcraRateLimiter(none, new FakeTimeProvider(DateTimeOffset.UtcNow));

        var remote = new List<(bool, long)>();
        var inMemory = new List<(bool, long)>();
        foreach (var cost in new[] { 1, 2, 2, 1, 1 })
        {
            var r = await shared.AcquireAsync("p", policy, "caller", cost);
            var l = await local.AcquireAsync("p", policy, "caller", cost);
            remote.Add((r.Allowed, r.Remaining));
            inMemory.Add((l.Allowed, l.Remaining));
        }

        Assert.Equal(RedisState.Up, store.State);
        Assert.Equal([(true, 3L), (true, 1L), (false, 1L), (true, 0L), (false, 0L)], remote);
        Assert.Equal(remote, inMemory);
        Assert.Equal(0, shared.LocalPartitions);
    }

    [Fact]
    public async Task Concurrent_requests_share_round_trips_and_each_caller_still_gets_exactly_its_budget()
    {
        // Two policies per request (all or nothing): 50 requests and 120 cost units per hour; at cost 3 the cost policy
        // binds first, so each caller is admitted exactly 40 of its 70 requests, however they are batched.
        var requests = new RateLimitPolicyOptions { PermitLimit = 50, Window = TimeSpan.FromHours(1) };
        var cost = new RateLimitPolicyOptions { PermitLimit = 120, Window = TimeSpan.FromHours(1) };
        await using var store = new RedisStore(redis.ConnectionString, new RedisOptions(), $"test:{Guid.NewGuid():N}:", TimeProvider.System, NullLogger<RedisStore>.Instance);
        await store.StartAsync(CancellationToken.None);
        var limiter = new GcraRateLimiter(store, TimeProvider.System);
        var callers = new[] { "alice", "bob", "carol" };
        var scriptsBefore = await ScriptCallsAsync();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 210).Select(async i =>
        {
            await Task.Yield();
            var caller = callers[i % callers.Length];
            var answer = await limiter.AcquireAsync([new RateLimitCharge("requests", requests, 1), new RateLimitCharge("cost", cost, 3)], caller);
            return (Caller: caller, Answer: answer);
        }));
        var scripts = await ScriptCallsAsync() - scriptsBefore;

        Assert.Equal(RedisState.Up, store.State);
        Assert.Equal(0, limiter.LocalPartitions);
        foreach (var caller in callers)
        {
            var mine = decisions.Where(d => d.Caller == caller).Select(d => d.Answer).ToList();
            Assert.Equal(40, mine.Count(a => a.All(d => d.Allowed)));
            // A refused request charged nothing: the request policy has exactly 50 - 40 left.
            Assert.Equal(10, mine.Where(a => a.All(d => d.Allowed)).Min(a => a[0].Remaining));
        }

        Assert.InRange(scripts, 1, 209);
    }

    private async Task<long> ScriptCallsAsync()
    {
        var stats = await redis.BulkAsync("INFO commandstats");
        return stats.Split("\r\n").Where(l => l.StartsWith("cmdstat_eval", StringComparison.Ordinal))
            .Sum(l => long.Parse(l.Split("calls=")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture));
    }
}
