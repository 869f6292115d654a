using Bff.Stitching;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Bff.RateLimiting;

/// <summary>
/// A static cost model read from the document alone: every selected field costs 1, and a field bound to a downstream
/// call (<c>@rest</c>/<c>@grpc</c>) costs <see cref="BoundFieldCost"/> more. Fragments count where they are spread.
/// </summary>
public sealed class StaticOperationCostCalculator : IOperationCostCalculator
{
    /// <summary>The extra cost of a field bound to a downstream call.</summary>
    public const int BoundFieldCost = 10;

    private const int MaxDepth = 64;
    private readonly ISchema _schema;
    private readonly HashSet<string> _bound;

    /// <summary>Creates the calculator for a host's schema.</summary>
    public StaticOperationCostCalculator(BffSchema schema)
    {
        _schema = schema.Schema;
        _bound = schema.Bindings.Select(b => b.Coordinate).ToHashSet(StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public int Calculate(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null ? operations.FirstOrDefault() : operations.Find(o => o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return 1;
        }

        var root = operation.Operation switch
        {
            OperationType.Mutation => _schema.Mutation,
            OperationType.Subscription => _schema.Subscription,
            _ => _schema.Query,
        };
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        return Math.Max(1, Cost(operation.SelectionSet, root, fragments, 0));
    }

    private int Cost(GraphQLSelectionSet? selections, IGraphType? type, Dictionary<string, GraphQLFragmentDefinition> fragments, int depth)
    {
        if (selections is null || depth > MaxDepth)
        {
            return 0;
        }

        var cost = 0;
        foreach (var selection in selections.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var definition = (type as IComplexGraphType)?.GetField(field.Name.StringValue);
                    cost += 1 + (definition is not null && _bound.Contains($"{type!.Name}.{definition.Name}") ? BoundFieldCost : 0);
                    cost += Cost(field.SelectionSet, definition?.ResolvedType?.GetNamedType(), fragments, depth + 1);
                    break;
                case GraphQLInlineFragment inline:
                    cost += Cost(inline.SelectionSet, TypeOf(inline.TypeCondition) ?? type, fragments, depth + 1);
                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    cost += Cost(fragment.SelectionSet, TypeOf(fragment.TypeCondition) ?? type, fragments, depth + 1);
                    break;
            }
        }

        return cost;
    }

    private IGraphType? TypeOf(GraphQLTypeCondition? condition) =>
        condition is null ? null : _schema.AllTypes[condition.Type.Name.StringValue];
}
