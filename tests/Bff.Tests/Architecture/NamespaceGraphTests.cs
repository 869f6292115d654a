using Bff.Hosting;
using Xunit.Abstractions;

namespace Bff.Tests.Architecture;

/// <summary>
/// Dependencies of Bff.Shared point one way: core, protocols, policies, composition, HTTP, hosting. A namespace may
/// use its own layer's earlier namespaces and lower layers only; a cycle would mean a new protocol or policy has to
/// touch folders it should not know.
/// </summary>
public sealed class NamespaceGraphTests(ITestOutputHelper output)
{
    // Lower runs first. Within the policies, the order is the one their remaining uses of each other allow.
    private static readonly Dictionary<string, double> Layers = new(StringComparer.Ordinal)
    {
        ["Bff"] = 0, ["Bff.Observability"] = 0, ["Bff.Stitching.Bindings"] = 0, ["Bff.Resilience.Options"] = 0,
        ["Bff.Stitching.Execution"] = 1, ["Bff.Stitching.Contracts"] = 1.1,
        ["Bff.Stitching"] = 2, ["Bff.Stitching.Instances"] = 2.1, ["Bff.Stitching.Batching"] = 2.1,
        ["Bff.Stitching.Rest"] = 3, ["Bff.Stitching.Grpc"] = 3, ["Bff.Stitching.RemoteGraphQL"] = 3,
        ["Bff.Operations"] = 3.5,
        ["Bff.Redis"] = 4, ["Bff.Auth"] = 4, ["Bff.Resilience"] = 4.1, ["Bff.Caching"] = 4.1, ["Bff.PersistedQueries"] = 4.2,
        ["Bff.Limits"] = 4.3, ["Bff.Documents"] = 4.35, ["Bff.RateLimiting"] = 4.4, ["Bff.Session"] = 4.5,
        ["Bff.Stitching.Composition"] = 5,
        ["Bff.Http"] = 6, ["Bff.Ide"] = 6,
        ["Bff.Hosting"] = 7, ["Microsoft.Extensions.DependencyInjection"] = 7, ["Microsoft.Extensions.Hosting"] = 7.1, ["Microsoft.AspNetCore.Builder"] = 7.2,
    };

    private readonly NamespaceGraph _graph = NamespaceGraph.Of(typeof(BffOptions).Assembly);

    [Fact]
    public void Every_namespace_has_a_layer()
    {
        var unplaced = _graph.Edges.Keys.Where(n => !Layers.ContainsKey(n)).ToList();
        Assert.True(unplaced.Count == 0, "Give these namespaces a layer: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_namespace_uses_a_higher_layer()
    {
        Print();
        var upward = _graph.Edges.SelectMany(e => e.Value.Select(to => (From: e.Key, To: to)))
            .Where(e => Layers.GetValueOrDefault(e.To) > Layers.GetValueOrDefault(e.From))
            .Select(e => $"{e.From} -> {e.To}");
        Assert.Empty(upward);
    }

    [Fact]
    public void The_namespaces_form_no_cycle()
    {
        var cycles = _graph.Cycles();
        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void The_graph_sees_a_known_edge()
    {
        // Guards the reader itself: the hosting layer composes the HTTP endpoint, so an empty graph would be a bug.
        Assert.Contains("Bff.Http", _graph.Edges["Microsoft.Extensions.Hosting"]);
    }

    private void Print()
    {
        foreach (var (from, to) in _graph.Edges)
        {
            output.WriteLine($"{from} -> {string.Join(", ", to)}");
        }

        foreach (var component in _graph.Components())
        {
            output.WriteLine("cycle among: " + string.Join(", ", component.Order(StringComparer.Ordinal)));
        }
    }
}
