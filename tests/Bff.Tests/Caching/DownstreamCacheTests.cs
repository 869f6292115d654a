using Bff.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Bff.Tests.Caching;

/// <summary>@cache on the real hosts with a real Redis: hits, misses, replicas, TTL, vary headers, stampede.</summary>
[Collection(RedisCollection.Name)]
public sealed class DownstreamCacheTests(DemoServicesFixture demo, RedisServer redis)
{
    private const string ProfileQuery = "query ($id: ID!) { profile(id: $id) { id name } }";

    [Fact]
    public async Task Second_identical_call_is_a_cache_hit_and_never_reaches_the_source()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("hit")));
        var client = host.Start();
        demo.ProfilesLog.Reset();

        var first = await client.QueryAsync(ProfileQuery, new { id = "p3" });
        var second = await client.QueryAsync(ProfileQuery, new { id = "p3" });

        Assert.Equal(["ok"], first.Outcomes);
        Assert.Equal(["cache_hit"], second.Outcomes);
        Assert.Equal(first.Body["data"]!.ToJsonString(), second.Body["data"]!.ToJsonString());
        Assert.Equal(1, demo.ProfilesLog.Count("GET /profiles/{id}"));
        Assert.Equal("public, max-age=60", first.Header("Cache-Control"));
        Assert.Matches("^public, max-age=(59|60)$", second.Header("Cache-Control")!);
    }

    [Fact]
    public async Task A_response_cached_by_one_replica_is_served_by_the_other_from_Redis()
    {
        var settings = SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("replicas"));
        using var hostA = new SharedStateHost<Bff.MobileBff.Program>(settings);
        using var hostB = new SharedStateHost<Bff.MobileBff.Program>(settings);
        var a = hostA.Start();
        var b = hostB.Start();
        demo.JobsLog.Reset();

        var miss = await a.QueryAsync("{ job(id: \"j4\") { id title } }");
        var hit = await b.QueryAsync("{ job(id: \"j4\") { id title } }");

        Assert.Equal(["ok"], miss.Outcomes);
        Assert.Equal(["cache_hit"], hit.Outcomes);
        Assert.Equal(1, demo.JobsLog.Count("GET /jobs/{id}"));
    }

    [Fact]
    public async Task Redis_entries_carry_a_TTL_of_the_policy_max_age()
    {
        var settings = SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("pttl"));
        using var host = new SharedStateHost<Bff.MobileBff.Program>(settings);
        var client = host.Start();

        await client.QueryAsync("{ job(id: \"j5\") { id } }");
        var ttl = await redis.CommandAsync($"EVAL \"return redis.call('PTTL', redis.call('KEYS', ARGV[1])[1])\" 0 {settings["Bff:Redis:KeyPrefix"]}cache:jobs:*");

        Assert.InRange(long.Parse(ttl.TrimStart(':'), System.Globalization.CultureInfo.InvariantCulture), 25_000, 30_000);
    }

    [Fact]
    public async Task Entries_expire_after_max_age_on_the_hosts_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("ttl")), time: time);
        var client = host.Start();
        demo.ProfilesLog.Reset();

        var miss = await client.QueryAsync(ProfileQuery, new { id = "p4" });
        time.Advance(TimeSpan.FromSeconds(59));
        var stillFresh = await client.QueryAsync(ProfileQuery, new { id = "p4" });
        time.Advance(TimeSpan.FromSeconds(2));
        var expired = await client.QueryAsync(ProfileQuery, new { id = "p4" });

        Assert.Equal(["ok"], miss.Outcomes);
        Assert.Equal(["cache_hit"], stillFresh.Outcomes);
        Assert.Equal("public, max-age=1", stillFresh.Header("Cache-Control"));
        Assert.Equal(["ok"], expired.Outcomes);
        Assert.Equal(2, demo.ProfilesLog.Count("GET /profiles/{id}"));
    }

    [Fact]
    public async Task Accept_language_is_part_of_the_key()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("vary")));
        var client = host.Start();

        var english = await client.QueryAsync(ProfileQuery, new { id = "p5" }, headers: new Dictionary<string, string> { ["Accept-Language"] = "en" });
        var german = await client.QueryAsync(ProfileQuery, new { id = "p5" }, headers: new Dictionary<string, string> { ["Accept-Language"] = "de" });
        var englishAgain = await client.QueryAsync(ProfileQuery, new { id = "p5" }, headers: new Dictionary<string, string> { ["Accept-Language"] = "en" });

        Assert.Equal(["ok"], english.Outcomes);
        Assert.Equal(["ok"], german.Outcomes);
        Assert.Equal(["cache_hit"], englishAgain.Outcomes);
        Assert.Equal("Accept-Language, Authorization", english.Header("Vary"));
    }

    [Fact]
    public async Task Hundred_concurrent_identical_misses_make_one_downstream_call()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("stampede")));
        var client = host.Start();
        await client.QueryAsync("{ __typename }");
        demo.ProfilesLog.Reset();
        demo.ProfilesFaults.Delay = TimeSpan.FromMilliseconds(300);
        try
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.QueryAsync(ProfileQuery, new { id = "p6" })));

            Assert.All(responses, r => Assert.Equal(200, r.Status));
            Assert.All(responses, r => Assert.Equal("p6", (string?)r.Body["data"]!["profile"]!["id"]));
            Assert.Equal(1, demo.ProfilesLog.Count("GET /profiles/{id}"));
            Assert.Equal(1, responses.Count(r => r.Outcomes.SequenceEqual(["ok"])));
            Assert.All(responses, r => Assert.Contains(r.Outcomes.Single(), new[] { "ok", "cache_coalesced", "cache_hit" }));
        }
        finally
        {
            demo.ProfilesFaults.Reset();
        }
    }

    [Fact]
    public async Task Failed_calls_are_not_cached()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("fail")));
        var client = host.Start();
        demo.ProfilesFaults.FailWithStatus = 503;
        GraphQLResponse failed;
        try
        {
            failed = await client.QueryAsync(ProfileQuery, new { id = "p8" });
        }
        finally
        {
            demo.ProfilesFaults.Reset();
        }

        var recovered = await client.QueryAsync(ProfileQuery, new { id = "p8" });

        Assert.Equal("DOWNSTREAM_ERROR", failed.Code);
        Assert.Equal("no-store", failed.Header("Cache-Control"));
        Assert.Equal(["ok"], recovered.Outcomes);
        Assert.Equal("p8", (string?)recovered.Body["data"]!["profile"]!["id"]);
    }
}
