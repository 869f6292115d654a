using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Bff.Tests.Edge;

/// <summary>Replicas leaving and rejoining: active checks on /health/ready, passive ejection and the retry of unsent requests.</summary>
public sealed class ConnectFailureRetryTests : IAsyncLifetime
{
    private readonly List<FakeReplica> _replicas = [];
    private EdgeServer _edge = null!;

    private FakeReplica WebA => _replicas[2];

    private FakeReplica WebB => _replicas[3];

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "mobile-a", "mobile-b", "web-a", "web-b", "canary" })
        {
            _replicas.Add(await FakeReplica.StartAsync(name));
        }

        _edge = await EdgeServer.StartAsync(EdgeServer.Clusters(_replicas.Take(2), _replicas.Skip(2).Take(2), _replicas.Skip(4)));
    }

    public async Task DisposeAsync()
    {
        await _edge.DisposeAsync();
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_stopped_replica_costs_no_request_and_rejoins_when_it_is_back()
    {
        using var client = EdgeServer.Client();
        await WebA.StopAsync();

        // Mutations too: a refused connection means nothing was sent.
        var answers = new List<(HttpStatusCode Status, string Replica)>();
        for (var i = 0; i < 30; i++)
        {
            using var response = await client.PostAsync(new Uri(_edge.Https, "/web/api"), new StringContent("""{"query":"mutation { x }"}"""));
            answers.Add((response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("replica").GetString()!));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, "web-b"), a));

        await WebA.StartAsync();
        var rejoined = await Eventually(async () =>
        {
            using var response = await client.GetAsync(new Uri(_edge.Https, "/web/api"));
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("replica").GetString() == "web-a";
        }, TimeSpan.FromSeconds(10));
        Assert.True(rejoined < TimeSpan.FromSeconds(6), $"web-a rejoined after {rejoined}");
    }

    [Fact]
    public async Task A_replica_that_is_not_ready_leaves_rotation_within_the_check_interval_but_a_degraded_one_stays()
    {
        using var client = EdgeServer.Client();
        WebA.Readiness = (200, """{"status":"degraded"}""");
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var before = WebA.Requests;
        for (var i = 0; i < 40; i++)
        {
            (await client.GetAsync(new Uri(_edge.Https, "/web/api"))).Dispose();
        }

        Assert.True(WebA.Requests - before > 5, $"degraded web-a got {WebA.Requests - before} of 40");

        WebA.Readiness = (503, """{"status":"unhealthy"}""");
        var ejected = await Eventually(async () =>
        {
            var seen = WebA.Requests;
            for (var i = 0; i < 10; i++)
            {
                (await client.GetAsync(new Uri(_edge.Https, "/web/api"))).Dispose();
            }

            return WebA.Requests == seen;
        }, TimeSpan.FromSeconds(5));

        Assert.True(ejected < TimeSpan.FromSeconds(2.5), $"ejected after {ejected}");
    }

    [Theory]
    [InlineData("1", "canary")]
    [InlineData("0", "web-")]
    public async Task The_canary_header_picks_the_canary_or_the_stable_replicas(string header, string expected)
    {
        using var client = EdgeServer.Client();

        var replicas = new HashSet<string>();
        for (var i = 0; i < 10; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_edge.Https, "/web/api")) { Headers = { { "X-Canary", header } } };
            using var response = await client.SendAsync(request);
            replicas.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("replica").GetString()!);
        }

        Assert.All(replicas, r => Assert.StartsWith(expected, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_header_no_request_goes_to_the_canary_at_share_zero()
    {
        using var client = EdgeServer.Client();

        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(new Uri(_edge.Https, "/web/api"))).Dispose();
        }

        Assert.Equal(0, _replicas[4].Requests);
    }

    private static async Task<TimeSpan> Eventually(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"not within {limit}");
            await Task.Delay(50);
        }

        return clock.Elapsed;
    }
}
