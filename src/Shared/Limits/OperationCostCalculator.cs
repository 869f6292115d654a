using Bff.Operations;
using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>
/// Charges cost-based rate-limit policies with the same static cost model the <c>MaxCost</c> limit uses
/// (<see cref="CostModel"/>): one model for both, so a query's price is the same wherever it is quoted.
/// </summary>
public sealed class OperationCostCalculator : IOperationCostCalculator
{
    private readonly CostModel _costs;

    /// <summary>Creates the calculator over the host's cost model (and the schema it prices).</summary>
    public OperationCostCalculator(CostModel costs) => _costs = costs;

    /// <inheritdoc />
    public int Calculate(GraphQLDocument document, string? operationName, IReadOnlyDictionary<string, object?>? variables)
    {
        var operation = OperationSelection.Select(document, operationName);
        if (operation is null)
        {
            return 1;
        }

        var cost = _costs.Measure(_costs.Schema, document, operation, variables).Cost;
        return (int)Math.Clamp(Math.Ceiling(cost), 1, int.MaxValue);
    }
}
