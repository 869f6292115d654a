using System.Text.Json;

namespace Bff.Tests.Edge;

/// <summary>The configured share of a cluster's traffic goes to its canary.</summary>
public sealed class CanaryRoutingTests
{
    [Fact]
    public async Task A_share_of_a_quarter_sends_about_a_quarter_to_the_canary()
    {
        var replicas = new List<FakeReplica>();
        foreach (var name in new[] { "mobile-a", "mobile-b", "web-a", "web-b", "canary" })
        {
            replicas.Add(await FakeReplica.StartAsync(name));
        }

        var settings = EdgeServer.Clusters(replicas.Take(2), replicas.Skip(2).Take(2), replicas.Skip(4));
        settings["Edge:Canaries:web:Share"] = "0.25";
        await using var edge = await EdgeServer.StartAsync(settings);
        using var client = EdgeServer.Client();

        var canary = 0;
        const int Sent = 400;
        for (var i = 0; i < Sent; i++)
        {
            var body = JsonDocument.Parse(await client.GetStringAsync(new Uri(edge.Https, "/web/api"))).RootElement;
            canary += body.GetProperty("replica").GetString() == "canary" ? 1 : 0;
        }

        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }

        // Binomial(400, 0.25): mean 100, sd ≈ 8.7; 60..140 is beyond 4.5 sd.
        Assert.InRange(canary, 60, 140);
        // The mobile cluster has no canary.
        Assert.Equal(0, replicas[0].Requests + replicas[1].Requests);
    }
}
