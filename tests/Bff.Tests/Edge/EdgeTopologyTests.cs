using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Bff.Tests.Edge;

/// <summary>The whole topology on loopback through the front door: schemas per device, failover, shared state, real client addresses.</summary>
[Collection(EdgeTopologyCollection.Name)]
public sealed class EdgeTopologyTests(EdgeTopology topology, ITestOutputHelper output)
{
    private static readonly string TypeQuery = """{"query":"{ a: __type(name: \"JobFeed\") { name } b: __type(name: \"JobConnection\") { name } }"}""";

    [Theory]
    [InlineData("mobile", """{"data":{"a":{"name":"JobFeed"},"b":null}}""")]
    [InlineData("web", """{"data":{"a":null,"b":{"name":"JobConnection"}}}""")]
    public async Task Https_answers_on_each_device_path_with_that_hosts_own_schema(string device, string expected)
    {
        using var client = EdgeTopology.Client();

        using var response = await client.PostAsync(new Uri(topology.Https, $"/{device}/graphql"), Json(TypeQuery));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Plain_http_redirects_and_the_ide_loads_under_the_device_path()
    {
        using var client = EdgeTopology.Client();

        using var redirect = await client.GetAsync(new Uri(topology.Http, "/web/graphql"));
        using var ide = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(topology.Https, "/mobile/graphql")) { Headers = { { "Accept", "text/html" } } });
        using var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(topology.Https, "/mobile/graphql/")) { Headers = { { "Accept", "text/html" } } });
        using var config = await client.GetAsync(new Uri(topology.Https, "/mobile/graphql/bcp-config.json"));

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal(new Uri(topology.Https, "/web/graphql"), redirect.Headers.Location);
        Assert.Equal("/mobile/graphql/", ide.Headers.Location?.OriginalString);
        Assert.Contains("<!doctype html>", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"useBrowserUrlAsEndpoint\":true", await config.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_canary_header_sends_web_requests_to_the_canary_replica_and_its_absence_never_does()
    {
        // An address of its own, so this test spends nothing of the rate-limit test's budgets.
        using var client = EdgeTopology.Client("127.0.0.12");
        var from = topology.Edge.Output.Length;
        var canary = $"127.0.0.1:{topology.Ports["web-canary-1"]}/";
        var statuses = new List<HttpStatusCode>();

        foreach (var header in new[] { "1", "0", null })
        {
            for (var i = 0; i < 10; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(topology.Https, "/web/graphql")) { Content = Json(TypeQuery) };
                if (header is not null)
                {
                    request.Headers.Add("X-Canary", header);
                }

                using var response = await client.SendAsync(request);
                statuses.Add(response.StatusCode);
            }
        }

        // YARP logs each forwarded request ("Proxying to <destination>…") in order; wait for all 30.
        List<string> proxied = [];
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(10); await Task.Delay(50))
        {
            proxied = topology.Edge.Output[from..].Split('\n').Where(l => l.Contains("Proxying to", StringComparison.Ordinal)).ToList();
            if (proxied.Count >= 30)
            {
                break;
            }
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(30, proxied.Count);
        Assert.All(proxied.Take(10), l => Assert.Contains(canary, l, StringComparison.Ordinal));
        Assert.All(proxied.Skip(10), l => Assert.DoesNotContain(canary, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_killed_replica_costs_no_request_once_ejected_and_rejoins_after_restart()
    {
        using var client = EdgeTopology.Client();
        var results = new System.Collections.Concurrent.ConcurrentBag<(TimeSpan Start, bool Ok)>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        TimeSpan? killedAt = null;
        TimeSpan? ejectedAt = null;

        async Task LoadAsync(TimeSpan until)
        {
            while (clock.Elapsed < until)
            {
                var start = clock.Elapsed;
                try
                {
                    using var response = await client.PostAsync(new Uri(topology.Https, "/mobile/graphql"), Json("""{"query":"{ __typename }"}"""));
                    var body = await response.Content.ReadAsStringAsync();
                    var ok = response.StatusCode == HttpStatusCode.OK && body.Contains("\"Query\"", StringComparison.Ordinal);
                    results.Add((start, ok));
                    if (!ok)
                    {
                        failures.Enqueue($"{start}: {(int)response.StatusCode} {body}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    results.Add((start, false));
                    failures.Enqueue($"{start}: {ex.Message}");
                }
            }
        }

        var load = Enumerable.Range(0, 4).Select(_ => LoadAsync(TimeSpan.FromSeconds(6))).ToList();
        var seenBefore = 0;
        var watch = Task.Run(async () =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(6) && ejectedAt is null)
            {
                // Only what the front door printed after the kill: passive ejection or the failed active probe.
                var text = Volatile.Read(ref seenBefore) is > 0 and var from ? topology.Edge.Output[from..] : "";
                if (text.Contains("`mobile-1` on cluster `mobile` is set to 'Unhealthy'", StringComparison.Ordinal)
                    || text.Contains("mobile-1 of cluster mobile failed before the request reached it", StringComparison.Ordinal))
                {
                    ejectedAt = clock.Elapsed;
                }

                await Task.Delay(5);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        Volatile.Write(ref seenBefore, topology.Edge.Output.Length);
        killedAt = clock.Elapsed;
        var killedAtClock = DateTime.Now;
        topology.Replicas["mobile-1"].Dispose();
        await Task.WhenAll([.. load, watch]);

        // When the front door ejected it, by its own log's timestamp: on a busy machine its console output reaches us late.
        if (EjectionLogged(topology.Edge.Output[seenBefore..]) is { } ejectedAtClock)
        {
            ejectedAt = killedAt + (ejectedAtClock - TimeOnly.FromDateTime(killedAtClock));
        }

        var afterEjection = results.Where(r => ejectedAt is not null && r.Start >= ejectedAt).ToList();
        output.WriteLine($"sent {results.Count}, failed {results.Count(r => !r.Ok)} (after ejection: {afterEjection.Count(r => !r.Ok)} of {afterEjection.Count}), ejected {(ejectedAt - killedAt)?.TotalMilliseconds:0} ms after the kill");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        foreach (var line in topology.Edge.Output.Split('\n').Where(l => l.Contains("mobile", StringComparison.Ordinal) || l.Contains("rror", StringComparison.Ordinal) || l.Contains("xception", StringComparison.Ordinal)).TakeLast(40))
        {
            output.WriteLine(line);
        }

        Assert.NotNull(ejectedAt);
        Assert.True(ejectedAt - killedAt <= TimeSpan.FromSeconds(1), $"ejected {ejectedAt - killedAt} after the kill");
        Assert.True(afterEjection.Count > 50, $"only {afterEjection.Count} requests after ejection");
        Assert.DoesNotContain(afterEjection, r => !r.Ok);

        // Back on its port; once it is in rotation again, the other replica can go and nothing is lost.
        var restartedFrom = topology.Edge.Output.Length;
        await topology.StartReplicaAsync("mobile-1");
        // Back in rotation when the front door's active probe says so (1 s interval); a fixed wait was too short under load.
        var rejoin = Stopwatch.StartNew();
        while (!topology.Edge.Output[restartedFrom..].Contains("`mobile-1` on cluster `mobile` is set to 'Healthy'", StringComparison.Ordinal)
            && rejoin.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
        }

        output.WriteLine($"mobile-1 back in rotation {rejoin.ElapsedMilliseconds} ms after its restart");
        topology.Replicas["mobile-2"].Dispose();
        var answers = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            try
            {
                using var response = await client.PostAsync(new Uri(topology.Https, "/mobile/graphql"), Json("""{"query":"{ __typename }"}"""));
                answers.Add(response.StatusCode.ToString());
            }
            catch (HttpRequestException ex)
            {
                answers.Add(ex.Message);
            }
        }

        await topology.StartReplicaAsync("mobile-2");
        Assert.All(answers, answer => Assert.Equal(nameof(HttpStatusCode.OK), answer));
    }

    /// <summary>The time stamp (<c>HH:mm:ss.fff</c>, as EdgeTopology configures the console) of the first ejection of mobile-1.</summary>
    private static TimeOnly? EjectionLogged(string output)
    {
        TimeOnly? stamp = null;
        foreach (var line in output.Split('\n'))
        {
            if (line.Length > 12 && TimeOnly.TryParseExact(line[..12], "HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var time))
            {
                stamp = time;
            }

            if (line.Contains("`mobile-1` on cluster `mobile` is set to 'Unhealthy'", StringComparison.Ordinal)
                || line.Contains("mobile-1 of cluster mobile failed before the request reached it", StringComparison.Ordinal))
            {
                return stamp;
            }
        }

        return null;
    }

    [Fact]
    public async Task The_rate_limit_admits_the_configured_number_across_replicas_counting_real_client_addresses()
    {
        using var first = EdgeTopology.Client("127.0.0.10");
        using var second = EdgeTopology.Client("127.0.0.11");

        // Eight concurrent callers from one address, 300 requests in all, spread by the front door over both replicas.
        var statuses = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var sent = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Increment(ref sent) <= 300)
            {
                using var response = await first.PostAsync(new Uri(topology.Https, "/web/graphql"), Json("""{"query":"{ __typename }"}"""));
                statuses.Add(response.StatusCode);
            }
        }));
        using var other = await second.PostAsync(new Uri(topology.Https, "/web/graphql"), Json("""{"query":"{ __typename }"}"""));

        var admitted = statuses.Count(s => s == HttpStatusCode.OK);
        foreach (var line in topology.Replicas["web-1"].Output.Split('\n').Where(l => l.Contains("Redis", StringComparison.OrdinalIgnoreCase) || l.Contains("rate", StringComparison.OrdinalIgnoreCase)).Take(10))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"remaining {other.Headers.GetValues("RateLimit-Remaining").Single()} policy {other.Headers.GetValues("RateLimit-Policy").Single()}");
        output.WriteLine($"admitted {admitted} of 300 (limit {EdgeTopology.WebLimit}), refused {statuses.Count(s => s == HttpStatusCode.TooManyRequests)}");
        Assert.InRange(admitted, EdgeTopology.WebLimit * 99 / 100, EdgeTopology.WebLimit * 101 / 100);
        Assert.Equal(300 - admitted, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        // Another address behind the same front door has its own budget.
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal($"{EdgeTopology.WebLimit - 1}", other.Headers.GetValues("RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task A_persisted_query_registered_through_one_replica_is_used_through_the_other()
    {
        const string Query = "{ __typename edgeApq: __typename }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query)));
        var extensions = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } };
        using var client = EdgeTopology.Client();

        using var unknown = await client.PostAsync(new Uri($"http://127.0.0.1:{topology.Ports["web-2"]}/graphql"), JsonContent.Create(new JsonObject { ["extensions"] = extensions.DeepClone() }));
        using var register = await client.PostAsync(new Uri($"http://127.0.0.1:{topology.Ports["web-1"]}/graphql"), JsonContent.Create(new JsonObject { ["query"] = Query, ["extensions"] = extensions.DeepClone() }));
        using var use = await client.PostAsync(new Uri($"http://127.0.0.1:{topology.Ports["web-2"]}/graphql"), JsonContent.Create(new JsonObject { ["extensions"] = extensions.DeepClone() }));
        using var throughEdge = await client.PostAsync(new Uri(topology.Https, "/web/graphql"), JsonContent.Create(new JsonObject { ["extensions"] = extensions.DeepClone() }));

        Assert.Contains("PERSISTED_QUERY_NOT_FOUND", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("""{"data":{"__typename":"Query","edgeApq":"Query"}}""", await register.Content.ReadAsStringAsync());
        Assert.Equal("""{"data":{"__typename":"Query","edgeApq":"Query"}}""", await use.Content.ReadAsStringAsync());
        Assert.Equal("""{"data":{"__typename":"Query","edgeApq":"Query"}}""", await throughEdge.Content.ReadAsStringAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
