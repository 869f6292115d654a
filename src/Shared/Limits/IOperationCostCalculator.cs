using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>Computes what an operation costs, for cost-based rate-limit policies. Replace the registration to plug in a richer model.</summary>
public interface IOperationCostCalculator
{
    /// <summary>
    /// Gets the cost of the operation <paramref name="operationName"/> of <paramref name="document"/> with
    /// <paramref name="variables"/> (page sizes may come from them); at least 1.
    /// </summary>
    int Calculate(GraphQLDocument document, string? operationName, IReadOnlyDictionary<string, object?>? variables);
}
