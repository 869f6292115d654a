using Bff.RateLimiting;
using Bff.Stitching;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.RateLimiting;

/// <summary>The static cost model on the mobile schema: 1 per field, 10 more per bound field, fragments where spread.</summary>
[Collection(DemoCollection.Name)]
public sealed class StaticOperationCostCalculatorTests(DemoServicesFixture demo)
{
    private readonly StaticOperationCostCalculator _calculator =
        new(HostClient.For<Bff.MobileBff.Program>(demo).Services.GetRequiredService<BffSchema>());

    [Theory]
    [InlineData("{ __typename }", 1)]
    [InlineData("{ profile(id: \"p1\") { id name } }", 13)]
    [InlineData("{ jobFeed { items { id client { name } proposalCount } } }", 11 + 1 + 1 + 11 + 1 + 11)]
    [InlineData("{ a: profile(id: \"p1\") { ...Card } b: profile(id: \"p2\") { ...Card } } fragment Card on ProfileCard { name city }", 2 * (11 + 2))]
    [InlineData("{ job(id: \"j1\") { ... on JobDetail { title client { name } } } }", 11 + 1 + 11 + 1)]
    [InlineData("query A { __typename } query B { profile(id: \"p1\") { id } }", 1)]
    public void Costs_follow_the_document(string query, int expected)
    {
        var document = GraphQLParser.Parser.Parse(query);

        Assert.Equal(expected, _calculator.Calculate(document, null));
    }

    [Fact]
    public void The_named_operation_is_the_one_charged() =>
        Assert.Equal(12, _calculator.Calculate(GraphQLParser.Parser.Parse("query A { __typename } query B { profile(id: \"p1\") { id } }"), "B"));
}
