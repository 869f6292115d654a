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
        ["Bff.Redis"] = 4, ["Bff.Auth"] = 4, ["Bff.Resilience"] = 4.1, ["Bff.Caching"] = 4.1, ["Bff.PersistedQueries"] = 4.2,
        ["Bff.RateLimiting"] = 4.3, ["Bff.Limits"] = 4.4, ["Bff.Session"] = 4.5,
        ["Bff.Stitching.Composition"] = 5,
        ["Bff.Http"] = 6, ["Bff.Ide"] = 6,
        ["Bff.Subscriptions"] = 6.5, ["Bff.Subscriptions.WebSockets"] = 6.6, ["Bff.Subscriptions.ServerSentEvents"] = 6.6,
        ["Bff.Hosting"] = 7, ["Microsoft.Extensions.DependencyInjection"] = 7, ["Microsoft.Extensions.Hosting"] = 7.1, ["Microsoft.AspNetCore.Builder"] = 7.2,
    };

    // Uses that still point up (each closes a cycle). Remove an entry when its use is gone; never add one.
    // The policies and composition still take Hosting's BffOptions, and implement or call Http's operation filters.
    private static readonly HashSet<(string From, string To)> KnownUpwardUses =
    [
        ("Bff.Auth", "Bff.Http"), ("Bff.Caching", "Bff.Http"), ("Bff.Caching", "Bff.Hosting"),
        ("Bff.Limits", "Bff.Http"), ("Bff.Limits", "Bff.Stitching.Composition"),
        ("Bff.PersistedQueries", "Bff.Http"), ("Bff.PersistedQueries", "Bff.Hosting"), ("Bff.PersistedQueries", "Bff.Stitching.Composition"),
        ("Bff.RateLimiting", "Bff.Http"), ("Bff.RateLimiting", "Bff.Hosting"), ("Bff.RateLimiting", "Bff.Limits"),
        ("Bff.Redis", "Bff.Hosting"), ("Bff.Redis", "Bff.Stitching"),
        ("Bff.Resilience", "Bff.Http"), ("Bff.Resilience", "Bff.Hosting"),
        ("Bff.Stitching.Composition", "Bff.Hosting"),
        ("Bff.Http", "Bff.Hosting"),
        // Web session mode, like the other policies: BffOptions (its own and the Auth section) and Http's RequestRefusal.
        ("Bff.Session", "Bff.Hosting"), ("Bff.Session", "Bff.Http"),
    ];

    private readonly NamespaceGraph _graph = NamespaceGraph.Of(typeof(BffOptions).Assembly);

    [Fact]
    public void Every_namespace_has_a_layer()
    {
        var unplaced = _graph.Edges.Keys.Where(n => !Layers.ContainsKey(n)).ToList();
        Assert.True(unplaced.Count == 0, "Give these namespaces a layer: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_namespace_uses_a_higher_layer_beyond_the_known_uses()
    {
        Print();
        var upward = _graph.Edges.SelectMany(e => e.Value.Select(to => (From: e.Key, To: to)))
            .Where(e => Layers.GetValueOrDefault(e.To) > Layers.GetValueOrDefault(e.From) && !KnownUpwardUses.Contains(e))
            .Select(e => $"{e.From} -> {e.To}");
        Assert.Empty(upward);
    }

    [Fact]
    public void Every_known_upward_use_still_exists()
    {
        var gone = KnownUpwardUses.Where(e => !_graph.Edges.GetValueOrDefault(e.From, []).Contains(e.To)).ToList();
        Assert.True(gone.Count == 0, "No longer used, remove from the list: " + string.Join(", ", gone));
    }

    [Fact]
    public void Without_the_known_upward_uses_the_namespaces_form_no_cycle()
    {
        foreach (var (from, to) in KnownUpwardUses)
        {
            _graph.Edges.GetValueOrDefault(from)?.Remove(to);
        }

        var cycles = _graph.Cycles();
        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void Core_protocols_and_the_call_policies_form_no_cycle_at_all()
    {
        // The protocol seam: nothing below the composition layer but the listed HTTP-level policies takes part in a cycle.
        var cyclic = _graph.Components().SelectMany(c => c).ToHashSet();
        string[] free = ["Bff", "Bff.Observability", "Bff.Stitching.Bindings", "Bff.Stitching.Execution", "Bff.Stitching.Contracts", "Bff.Stitching",
            "Bff.Stitching.Instances", "Bff.Stitching.Batching", "Bff.Stitching.Rest", "Bff.Stitching.Grpc", "Bff.Stitching.RemoteGraphQL", "Bff.Resilience", "Bff.Resilience.Options"];
        var inCycle = free.Where(cyclic.Contains).ToList();
        Assert.True(inCycle.Count == 0, "In a cycle: " + string.Join(", ", inCycle));
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
