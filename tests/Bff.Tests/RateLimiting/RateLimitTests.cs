using Bff.Limits;
using Microsoft.Extensions.DependencyInjection;
using Bff.RateLimiting;
using System.Net;
using Bff.Tests.Fixtures;

namespace Bff.Tests.RateLimiting;

/// <summary>Rate limits on real hosts: replicas sharing one Redis budget, per-caller partitions, headers.</summary>
[Collection(RedisCollection.Name)]
public sealed class RateLimitTests(DemoServicesFixture demo, RedisServer redis)
{
    private const string Query = "{ __typename }";

    [Fact]
    public async Task Two_replicas_admit_exactly_the_limit_to_concurrent_clients()
    {
        // 20 per hour with a burst of 20: over this test's few seconds the algorithm's bound
        // (burst + elapsed / interval, interval = 180 s) admits exactly 20.
        var settings = Limited(SharedStateSettings.UniquePrefix("rl-replicas"), permits: 20, window: "01:00:00");
        using var hostA = new SharedStateHost<Bff.MobileBff.Program>(settings);
        using var hostB = new SharedStateHost<Bff.MobileBff.Program>(settings);
        var clients = new[] { hostA.Start(), hostB.Start() };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var mine = new List<GraphQLResponse>();
            for (var i = 0; i < 10; i++)
            {
                mine.Add(await clients[(worker + i) % 2].QueryAsync(Query));
            }

            return mine;
        }));
        var all = responses.SelectMany(r => r).ToList();

        Assert.Equal(20, all.Count(r => r.Status == 200));
        Assert.Equal(60, all.Count(r => r.Status == 429));
        Assert.All(all.Where(r => r.Status == 429), r => Assert.Equal("RATE_LIMITED", r.Code));
        Assert.DoesNotContain(all, r => r.Status >= 500);
    }

    [Fact]
    public async Task Separate_callers_do_not_share_a_budget()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(Limited(SharedStateSettings.UniquePrefix("rl-callers"), permits: 3, window: "01:00:00"));
        var client = host.Start();
        var (alice, bob) = (TestTokens.For("alice"), TestTokens.For("bob"));

        var aliceStatuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            aliceStatuses.Add((await client.QueryAsync(Query, token: alice)).Status);
        }

        var bob1 = await client.QueryAsync(Query, token: bob);
        var anonymous = await client.QueryAsync(Query);

        Assert.Equal([200, 200, 200, 429], aliceStatuses);
        Assert.Equal(200, bob1.Status);
        Assert.Equal(200, anonymous.Status);
    }

    [Fact]
    public async Task Responses_carry_rate_limit_headers_and_a_refusal_says_when_to_retry()
    {
        var settings = Limited(SharedStateSettings.UniquePrefix("rl-headers"), permits: 2, window: "00:01:00");
        using var host = new SharedStateHost<Bff.MobileBff.Program>(settings);
        var client = host.Start();

        var first = await client.QueryAsync(Query);
        var second = await client.QueryAsync(Query);
        var refused = await client.QueryAsync(Query);

        Assert.Equal("2", first.Header("RateLimit-Limit"));
        Assert.Equal("1", first.Header("RateLimit-Remaining"));
        Assert.Equal("30", first.Header("RateLimit-Reset"));
        Assert.Equal("2;w=60;name=\"requests\"", first.Header("RateLimit-Policy"));
        Assert.Equal("0", second.Header("RateLimit-Remaining"));
        Assert.Equal(429, refused.Status);
        Assert.Equal("0", refused.Header("RateLimit-Remaining"));
        var retryAfter = int.Parse(refused.Header("Retry-After")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 29, 30);
        Assert.Equal(retryAfter, (int)refused.Body["errors"]![0]!["extensions"]!["retryAfter"]!);
        Assert.Equal("requests", (string?)refused.Body["errors"]![0]!["extensions"]!["policy"]);
        Assert.Equal("no-store", refused.Header("Cache-Control"));
        Assert.Null(refused.Body["data"]);
        var key = $"{{{settings["Bff:Redis:KeyPrefix"]}rl:ip:127.0.0.1}}:requests";
        Assert.InRange(long.Parse((await redis.CommandAsync($"PTTL {key}")).TrimStart(':'), System.Globalization.CultureInfo.InvariantCulture), 50_000, 61_000);
    }

    [Fact]
    public async Task Cost_policies_charge_the_operations_cost()
    {
        // The budget is two and a half profile queries, priced by the host's own cost model: two pass, the third is
        // refused, a cheap query still fits, and a query dearer than the whole burst can never pass (400, not 429).
        var cost = HostClient.For<Bff.MobileBff.Program>(demo).Services.GetRequiredService<IOperationCostCalculator>()
            .Calculate(GraphQLParser.Parser.Parse("{ profile(id: \"p1\") { id name } }"), null, null);
        var limit = (cost * 5) / 2;
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("rl-cost"),
            ("Bff:RateLimiting:Enabled", "true"), ("Bff:RateLimiting:Policies:cost:Kind", "Cost"),
            ("Bff:RateLimiting:Policies:cost:PermitLimit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Bff:RateLimiting:Policies:cost:Window", "01:00:00"),
            ("Bff:RateLimiting:Policies:cost:Burst", null), ("Bff:RateLimiting:Policies:requests:PermitLimit", "1000")));
        var client = host.Start();
        demo.ProfilesLog.Reset();

        var first = await client.QueryAsync("{ profile(id: \"p1\") { id name } }");
        var second = await client.QueryAsync("{ profile(id: \"p2\") { id name } }");
        var third = await client.QueryAsync("{ profile(id: \"p3\") { id name } }");
        var cheap = await client.QueryAsync("{ __typename }");
        var tooExpensive = await client.QueryAsync("{ a: profile(id: \"p1\") { id name } b: profile(id: \"p2\") { id name } c: profile(id: \"p3\") { id name } }");

        Assert.True(cost > 2, $"a bound field costs more than its scalars ({cost})");
        Assert.Equal((limit - cost).ToString(System.Globalization.CultureInfo.InvariantCulture), first.Header("RateLimit-Remaining"));
        Assert.Equal(200, second.Status);
        Assert.Equal(429, third.Status);
        Assert.Equal(200, cheap.Status);
        Assert.Equal(400, tooExpensive.Status);
        Assert.Equal("RATE_LIMITED", tooExpensive.Code);
        Assert.Equal(2, demo.ProfilesLog.Count("GET /profiles/{id}"));
    }

    [Fact]
    public async Task All_policies_cost_one_redis_round_trip_and_a_refusal_charges_none()
    {
        // Requests: 3 per hour. Cost: one profile query plus two cheap ones. The refused profile queries must not use up
        // the request budget (all or nothing), and every request is one script call for both policies.
        const string Profile = "{ profile(id: \"p1\") { id name } }";
        var cost = HostClient.For<Bff.MobileBff.Program>(demo).Services.GetRequiredService<IOperationCostCalculator>()
            .Calculate(GraphQLParser.Parser.Parse(Profile), null, null);
        using var host = new SharedStateHost<Bff.MobileBff.Program>(Limited(SharedStateSettings.UniquePrefix("rl-once"), permits: 3, window: "01:00:00",
            ("Bff:RateLimiting:Policies:cost:PermitLimit", (cost + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Bff:RateLimiting:Policies:cost:Window", "01:00:00")));
        var client = host.Start();
        await client.QueryAsync(Query, token: TestTokens.For("warm-up")); // loads the script, as another caller
        var before = await ScriptCallsAsync();

        var statuses = new List<GraphQLResponse>();
        foreach (var query in new[] { Profile, Profile, Profile, Query, Query })
        {
            statuses.Add(await client.QueryAsync(query));
        }

        Assert.True(cost > 2, $"a bound field costs more than its scalars ({cost})");
        Assert.Equal([200, 429, 429, 200, 200], statuses.Select(r => r.Status));
        Assert.Equal("cost", (string?)statuses[1].Body["errors"]![0]!["extensions"]!["policy"]);
        Assert.Equal(5, await ScriptCallsAsync() - before);
    }

    // The script calls Redis has served (EVALSHA, or EVAL when the script was not loaded yet).
    private async Task<long> ScriptCallsAsync()
    {
        var info = await redis.BulkAsync("INFO commandstats");
        return System.Text.RegularExpressions.Regex.Matches(info, @"cmdstat_eval(?:sha)?:calls=(\d+)")
            .Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Forwarded_for_is_believed_only_from_trusted_proxies()
    {
        var prefix = SharedStateSettings.UniquePrefix("rl-xff");
        using var untrusted = new SharedStateHost<Bff.MobileBff.Program>(Limited(prefix + "u", permits: 1, window: "01:00:00"));
        using var trusted = new SharedStateHost<Bff.MobileBff.Program>(Limited(prefix + "t", permits: 1, window: "01:00:00",
            ("Bff:RateLimiting:TrustedProxies:0", "127.0.0.1"), ("Bff:RateLimiting:TrustedProxies:1", "::1")));
        var direct = untrusted.Start();
        var viaProxy = trusted.Start();
        Dictionary<string, string> From(string ip) => new() { ["X-Forwarded-For"] = ip };

        var spoofed = new[] { (await direct.QueryAsync(Query, headers: From("203.0.113.1"))).Status, (await direct.QueryAsync(Query, headers: From("203.0.113.2"))).Status };
        var proxied = new[]
        {
            (await viaProxy.QueryAsync(Query, headers: From("203.0.113.1"))).Status,
            (await viaProxy.QueryAsync(Query, headers: From("203.0.113.2"))).Status,
            (await viaProxy.QueryAsync(Query, headers: From("198.51.100.7, 203.0.113.2"))).Status,
        };

        Assert.Equal([200, 429], spoofed);
        Assert.Equal([200, 200, 429], proxied);
    }

    [Fact]
    public async Task Known_api_keys_get_their_own_budget_and_unknown_ones_count_as_none()
    {
        const string key = "partner-secret";
        using var host = new SharedStateHost<Bff.MobileBff.Program>(Limited(SharedStateSettings.UniquePrefix("rl-keys"), permits: 1, window: "01:00:00",
            ("Bff:RateLimiting:ApiKeys:partner", Bff.PersistedQueries.Sha256Hex.Of(key))));
        var client = host.Start();

        var anonymous = await client.QueryAsync(Query);
        var invented = await client.QueryAsync(Query, headers: new Dictionary<string, string> { ["X-Api-Key"] = "made-up" });
        var partner = await client.QueryAsync(Query, headers: new Dictionary<string, string> { ["X-Api-Key"] = key });

        Assert.Equal(200, anonymous.Status);
        Assert.Equal(429, invented.Status);
        Assert.Equal(200, partner.Status);
    }

    [Fact]
    public void Bad_policies_stop_the_host_naming_the_key()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis: null, "rl-bad",
            ("Bff:RateLimiting:Policies:broken:PermitLimit", "0"), ("Bff:RateLimiting:TrustedProxies:0", "not-an-ip")));

        var ex = Assert.ThrowsAny<Exception>(() => host.StartServer());

        Assert.Contains("Bff:RateLimiting:Policies:broken:PermitLimit: must be positive", ex.ToString());
        Assert.Contains("Bff:RateLimiting:TrustedProxies:0: 'not-an-ip' is not an IP address", ex.ToString());
    }

    private Dictionary<string, string?> Limited(string prefix, int permits, string window, params (string, string?)[] extra) =>
        SharedStateSettings.For(demo, redis, prefix, [
            ("Bff:RateLimiting:Enabled", "true"),
            ("Bff:RateLimiting:Policies:requests:Kind", "Requests"),
            ("Bff:RateLimiting:Policies:requests:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Bff:RateLimiting:Policies:requests:Window", window),
            ("Bff:RateLimiting:Policies:requests:Burst", null),
            ("Bff:RateLimiting:Policies:cost:PermitLimit", "1000000"),
            ("Bff:RateLimiting:Policies:cost:Burst", null),
            .. extra]);
}
