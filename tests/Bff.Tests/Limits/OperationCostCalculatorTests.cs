using Bff.Limits;
using Bff.RateLimiting;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Limits;

/// <summary>Rate-limit cost is the MaxCost model's cost: one price per query, page sizes from variables included.</summary>
[Collection(DemoCollection.Name)]
public sealed class OperationCostCalculatorTests(DemoServicesFixture demo)
{
    private readonly IServiceProvider _services = HostClient.For<Bff.MobileBff.Program>(demo).Services;

    [Fact]
    public void Rate_limit_cost_uses_the_cost_model()
    {
        var calculator = _services.GetRequiredService<IOperationCostCalculator>();

        Assert.IsType<OperationCostCalculator>(calculator);
        Assert.Equal(1, calculator.Calculate(GraphQLParser.Parser.Parse("{ __typename }"), null, null));
    }

    [Fact]
    public void Larger_pages_from_variables_cost_more()
    {
        var calculator = _services.GetRequiredService<IOperationCostCalculator>();
        var document = GraphQLParser.Parser.Parse("query ($n: Int) { jobFeed(first: $n) { items { id client { name } } } }");

        var small = calculator.Calculate(document, null, new Dictionary<string, object?> { ["n"] = 2 });
        var large = calculator.Calculate(document, null, new Dictionary<string, object?> { ["n"] = 20 });

        Assert.True(large > small, $"{large} > {small}");
    }

    [Fact]
    public void Ambiguous_or_unknown_operation_costs_one()
    {
        var calculator = _services.GetRequiredService<IOperationCostCalculator>();
        var document = GraphQLParser.Parser.Parse("query A { __typename } query B { profile(id: \"p1\") { id } }");

        Assert.Equal(1, calculator.Calculate(document, null, null));
        Assert.True(calculator.Calculate(document, "B", null) > 1);
    }
}
