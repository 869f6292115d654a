using System.Diagnostics;
using System.Text.Json.Nodes;
using Bff.PersistedQueries;
using Bff.Redis;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Redis;

/// <summary>Redis killed under traffic and started again: no 5xx, no 5-second waits, one log line each way, recovery.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisOutageTests(DemoServicesFixture demo) : IAsyncLifetime
{
    private readonly RedisServer _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task Killing_Redis_degrades_to_memory_at_once_and_recovery_is_automatic()
    {
        var settings = SharedStateSettings.For(demo, _redis, SharedStateSettings.UniquePrefix("outage"),
            ("Bff:RateLimiting:Enabled", "true"), ("Bff:RateLimiting:Policies:requests:PermitLimit", "10000"),
            ("Bff:RateLimiting:Policies:requests:Burst", "10000"));
        using var host = new SharedStateHost<Bff.MobileBff.Program>(settings);
        var client = host.Start();
        var store = host.Services.GetRequiredService<RedisStore>();
        Assert.Equal(RedisState.Up, store.State);
        Assert.Equal("healthy", await RedisReadinessAsync(client.Http));

        _redis.Kill();
        var during = new List<(GraphQLResponse Response, TimeSpan Took)>();
        for (var i = 0; i < 10; i++)
        {
            during.Add(await Timed(() => client.QueryAsync("query ($id: ID!) { profile(id: $id) { id name } }", new { id = $"p{(i % 3) + 1}" })));
            var query = $"query Outage{i} {{ profile(id: \"p1\") {{ id }} }}";
            during.Add(await Timed(() => client.PostAsync(Apq(query, withQuery: true))));
            during.Add(await Timed(() => client.PostAsync(Apq(query, withQuery: false))));
        }

        Assert.All(during, d => Assert.Equal(200, d.Response.Status));
        Assert.All(during, d => Assert.Null(d.Response.Body["errors"]));
        Assert.All(during, d => Assert.True(d.Took < TimeSpan.FromSeconds(2), $"a request took {d.Took.TotalMilliseconds} ms while Redis was down"));
        Assert.All(during, d => Assert.NotNull(d.Response.Header("RateLimit-Remaining")));
        Assert.Contains(during, d => d.Response.Outcomes.SequenceEqual(["cache_hit"]));
        Assert.Equal(RedisState.Down, store.State);
        Assert.Equal("degraded", await RedisReadinessAsync(client.Http));
        Assert.Equal("Healthy", await client.Http.GetStringAsync("/health/live"));
        // The store publishes a state before it logs it (the state decides who logs), so the line may trail by a moment.
        async Task LoggedAsync(int eventId)
        {
            var waited = Stopwatch.StartNew();
            while (!host.Logs.Any(l => l.EventId == eventId) && waited.Elapsed < TimeSpan.FromSeconds(5))
            {
                await Task.Delay(20);
            }
        }

        await LoggedAsync(5004);
        Assert.Single(host.Logs, l => l.EventId == 5004);

        await _redis.StartAsync();
        var recovered = Stopwatch.StartNew();
        while (store.State != RedisState.Up && recovered.Elapsed < TimeSpan.FromSeconds(30))
        {
            Assert.Equal(200, (await client.QueryAsync("{ __typename }")).Status);
            await Task.Delay(100);
        }

        Assert.Equal(RedisState.Up, store.State);
        await LoggedAsync(5005);
        Assert.Single(host.Logs, l => l.EventId == 5005);
        Assert.Single(host.Logs, l => l.EventId == 5004);
        // A write after recovery lands in Redis. On a loaded machine the first command on the new connection may
        // still miss its 250 ms budget (and fall back to memory), so a few registrations are allowed, each bounded.
        var landed = false;
        for (var attempt = 0; attempt < 10 && !landed; attempt++)
        {
            var after = $"query AfterRecovery{attempt} {{ profile(id: \"p2\") {{ id }} }}";
            Assert.Null((await client.PostAsync(Apq(after, withQuery: true))).Body["errors"]);
            landed = await _redis.CommandAsync($"EXISTS {settings["Bff:Redis:KeyPrefix"]}apq:{Sha256Hex.Of(after)}") == ":1";
            await Task.Delay(landed ? 0 : 300);
        }

        Assert.True(landed, "no persisted query written after recovery reached Redis");
        Assert.Equal("healthy", await RedisReadinessAsync(client.Http));
    }

    [Fact]
    public async Task Without_Redis_the_host_says_so_once_and_keeps_everything_in_memory()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis: null, "no-redis"));
        var client = host.Start();
        const string query = "query Solo { profile(id: \"p1\") { id } }";

        await client.PostAsync(Apq(query, withQuery: true));
        var byHash = await client.PostAsync(Apq(query, withQuery: false));
        var cached = await client.QueryAsync(query);

        Assert.Single(host.Logs, l => l.EventId == 5001);
        Assert.Null(byHash.Body["errors"]);
        Assert.Equal(["cache_hit"], cached.Outcomes);
        Assert.Equal(RedisState.NotConfigured, host.Services.GetRequiredService<RedisStore>().State);
        Assert.Equal("healthy", await RedisReadinessAsync(client.Http));
    }

    // /health/ready is JSON: {"status":…,"sources":{…},"checks":{"redis":{"status":…,"description":…},…}}.
    private static async Task<string?> RedisReadinessAsync(HttpClient http)
    {
        using var response = await http.GetAsync("/health/ready");
        Assert.Equal(200, (int)response.StatusCode);
        var ready = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (string?)ready["checks"]!["redis"]!["status"];
    }

    private static async Task<(GraphQLResponse, TimeSpan)> Timed(Func<Task<GraphQLResponse>> send)
    {
        var watch = Stopwatch.StartNew();
        var response = await send();
        return (response, watch.Elapsed);
    }

    private static JsonObject Apq(string query, bool withQuery)
    {
        var payload = new JsonObject { ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = Sha256Hex.Of(query) } } };
        if (withQuery)
        {
            payload["query"] = query;
        }

        return payload;
    }
}
