using Bff.Hosting;
using Xunit.Abstractions;

namespace Bff.Tests.Architecture;

/// <summary>
/// Dependencies of Bff.Shared point one way (core, protocols, policies, HTTP, hosting): a namespace cycle would mean
/// a new protocol or policy has to touch folders it should not know.
/// </summary>
public sealed class NamespaceGraphTests(ITestOutputHelper output)
{
    [Fact]
    public void The_namespaces_of_Bff_Shared_form_no_cycle()
    {
        var graph = NamespaceGraph.Of(typeof(BffOptions).Assembly);
        foreach (var (from, to) in graph.Edges)
        {
            output.WriteLine($"{from} -> {string.Join(", ", to)}");
        }

        var cycles = graph.Cycles();
        var components = graph.Components();
        Assert.True(cycles.Count == 0, "Namespace cycles:\n" + string.Join("\n", cycles.Select(c => string.Join(" -> ", c)))
            + "\nin the namespaces:\n" + string.Join("\n", components.Select(c => string.Join(", ", c.Order(StringComparer.Ordinal)))));
    }

    [Fact]
    public void The_graph_sees_a_known_edge()
    {
        // Guards the reader itself: the hosting layer composes the HTTP endpoint, so an empty graph would be a bug.
        var graph = NamespaceGraph.Of(typeof(BffOptions).Assembly);
        Assert.Contains("Bff.Http", graph.Edges["Microsoft.Extensions.Hosting"]);
    }
}
