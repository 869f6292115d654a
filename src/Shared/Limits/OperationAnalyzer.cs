using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>
/// Measures an operation's <see cref="OperationShape"/> in one walk. Each fragment is measured once per context
/// (memoized), so a fragment spread thousands of times costs one walk; a fragment cycle counts nothing more (the
/// specification's own rule reports it).
/// </summary>
internal sealed class OperationAnalyzer
{
    private readonly ISchema _schema;
    private readonly GraphQLDocument _document;
    private readonly CostModel _costs;
    private readonly IReadOnlyDictionary<string, object?>? _variables;
    private readonly Dictionary<(string Fragment, double? Pending, bool Introspection), OperationShape> _memo = [];
    private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);
    private Dictionary<string, GraphQLVariableDefinition> _variableDefinitions = [];

    public OperationAnalyzer(ISchema schema, GraphQLDocument document, CostModel costs, IReadOnlyDictionary<string, object?>? variables)
    {
        _schema = schema;
        _document = document;
        _costs = costs;
        _variables = variables;
    }

    public OperationShape Measure(GraphQLOperationDefinition operation)
    {
        _variableDefinitions = (operation.Variables?.Items ?? []).ToDictionary(v => v.Variable.Name.StringValue, StringComparer.Ordinal);
        IComplexGraphType? root = operation.Operation switch
        {
            OperationType.Mutation => _schema.Mutation,
            OperationType.Subscription => _schema.Subscription,
            _ => _schema.Query,
        };
        return root is null ? default : Selection(operation.SelectionSet, root, null, false);
    }

    private OperationShape Selection(GraphQLSelectionSet? set, IComplexGraphType? type, double? pending, bool introspection)
    {
        var shape = default(OperationShape);
        foreach (var selection in set?.Selections ?? [])
        {
            shape = shape.Plus(selection switch
            {
                GraphQLField field => Field(field, type, pending, introspection),
                GraphQLInlineFragment inline => Selection(inline.SelectionSet, Condition(inline.TypeCondition) ?? type, pending, introspection),
                GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, pending, introspection),
                _ => default,
            });
        }

        return shape;
    }

    private OperationShape Spread(string name, double? pending, bool introspection)
    {
        if (_memo.TryGetValue((name, pending, introspection), out var known))
        {
            return known;
        }

        var fragment = _document.Definitions.OfType<GraphQLFragmentDefinition>().FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
        if (fragment is null || !_visiting.Add(name))
        {
            return default;
        }

        var shape = Selection(fragment.SelectionSet, Condition(fragment.TypeCondition), pending, introspection);
        _visiting.Remove(name);
        _memo[(name, pending, introspection)] = shape;
        return shape;
    }

    private OperationShape Field(GraphQLField node, IComplexGraphType? parent, double? pending, bool introspection)
    {
        var name = node.Name.StringValue;
        var aliases = node.Alias is null ? 0 : 1;
        var definition = name switch
        {
            "__schema" => _schema.SchemaMetaFieldType,
            "__type" => _schema.TypeMetaFieldType,
            "__typename" => null,
            _ => parent?.GetField(name),
        };
        if (definition is null)
        {
            // An unknown field fails validation anyway; its nesting still counts, so depth is a property of the text.
            var nested = Selection(node.SelectionSet, null, null, introspection);
            return new(introspection ? 0 : 1 + nested.Depth, aliases + nested.Aliases, nested.Cost, nested.IntrospectionListDepth);
        }

        introspection |= name.StartsWith("__", StringComparison.Ordinal);
        var isList = IsList(definition.ResolvedType);
        var named = Unwrap(definition.ResolvedType);
        var child = named as IComplexGraphType;
        // A union has no fields of its own, only fragments on its members: what they select is counted all the same.
        var composite = child is not null || named is IAbstractGraphType;
        var cost = _costs.Of(definition);
        var size = PageSize(node, cost);
        var children = composite ? Selection(node.SelectionSet, child, isList ? null : size, introspection) : default;
        if (introspection)
        {
            return new(0, aliases + children.Aliases, 0, (isList ? 1 : 0) + children.IntrospectionListDepth);
        }

        var itemCost = (composite ? 1 : 0) + children.Cost;
        var length = size ?? pending ?? _costs.Options.DefaultListSize;
        var total = isList ? cost.BindingCost + (length * itemCost) : cost.BindingCost + itemCost;
        return new(1 + children.Depth, aliases + children.Aliases, total, children.IntrospectionListDepth);
    }

    private double? PageSize(GraphQLField node, FieldCost cost)
    {
        if (cost.PageSizeArgument is not { } argument)
        {
            return null;
        }

        var value = node.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == argument)?.Value switch
        {
            GraphQLIntValue literal => double.TryParse(literal.Value.Span, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null,
            GraphQLVariable variable => VariableValue(variable.Name.StringValue),
            _ => null,
        } ?? cost.DefaultPageSize;
        return value is null ? null : Math.Max(0, cost.MaxPageSize is { } max ? Math.Min(value.Value, max) : value.Value);
    }

    private double? VariableValue(string name)
    {
        if (_variables?.TryGetValue(name, out var supplied) == true && supplied is not null)
        {
            return supplied is IConvertible convertible && supplied is not string and not bool
                ? convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture)
                : null;
        }

        return _variableDefinitions.GetValueOrDefault(name)?.DefaultValue is GraphQLIntValue literal
            && double.TryParse(literal.Value.Span, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    private IComplexGraphType? Condition(GraphQLTypeCondition? condition) =>
        condition is null ? null : _schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType;

    private static bool IsList(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => IsList(nonNull.ResolvedType),
        ListGraphType => true,
        _ => false,
    };

    private static IGraphType? Unwrap(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType),
        ListGraphType list => Unwrap(list.ResolvedType),
        _ => type,
    };
}
