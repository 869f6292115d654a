using Bff.Limits;
using Bff.Stitching;
using Bff.Tests.Fixtures;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Bff.Stitching.Composition;

namespace Bff.Tests.Limits;

/// <summary>The static cost model on the real mobile schema: list multipliers from page sizes, batched vs unbatched calls.</summary>
[Collection(DemoCollection.Name)]
public sealed class CostModelTests(DemoServicesFixture demo)
{
    private readonly HostClient _host = HostClient.For<Bff.MobileBff.Program>(demo);

    [Theory]
    [InlineData("{ jobFeed(first: 20) { items { client { name } proposalCount } } }", 91)]
    [InlineData("{ jobFeed(first: 5) { items { id } } }", 16)]
    [InlineData("{ jobFeed { items { id } } }", 21)]
    [InlineData("{ jobFeed(first: 999) { items { id } } }", 31)]
    [InlineData("{ job(id: \"j1\") { client { name } proposals(first: 5) { items { freelancer { name } } } } }", 48)]
    [InlineData("{ __typename }", 0)]
    public void Cost_follows_the_documented_model(string query, int expected) =>
        Assert.Equal(expected, Measure(query).Cost);

    [Fact]
    public void Page_size_from_a_variable_is_used_and_capped_by_range()
    {
        const string query = "query ($n: Int) { jobFeed(first: $n) { items { id } } }";

        Assert.Equal(14, Measure(query, new Dictionary<string, object?> { ["n"] = 3 }).Cost);
        Assert.Equal(31, Measure(query, new Dictionary<string, object?> { ["n"] = 5000 }).Cost);
    }

    [Fact]
    public void Fragment_spread_many_times_is_measured_without_expanding_it()
    {
        var text = "{ ...F20 } fragment F0 on Query { x: __typename }"
            + string.Concat(Enumerable.Range(1, 20).Select(i => $" fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}"));

        Assert.Equal(1 << 20, Measure(text).Aliases);
    }

    private OperationShape Measure(string query, Dictionary<string, object?>? variables = null)
    {
        var schema = _host.Services.GetRequiredService<BffSchema>().Schema;
        var costs = _host.Services.GetRequiredService<CostModel>();
        var document = Parser.Parse(query);
        return new OperationAnalyzer(schema, document, costs, variables).Measure(document.Definitions.OfType<GraphQLOperationDefinition>().Single());
    }
}
