using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Bff.Stitching.Execution;

/// <summary>An <c>@range(min, max)</c> bound on an Int argument, checked before any downstream call.</summary>
internal sealed record ArgumentRange(string Argument, int? Min, int? Max)
{
    private static readonly ConditionalWeakTable<FieldType, IReadOnlyList<ArgumentRange>> Known = [];

    public static IReadOnlyList<ArgumentRange> Read(FieldType field) =>
        (field.Arguments ?? [])
            .Select(a => (a.Name, Directive: a.GetAppliedDirectives()?.Find("range")))
            .Where(a => a.Directive is not null)
            .Select(a => new ArgumentRange(
                a.Name,
                a.Directive!.FindArgument("min")?.Value is { } min ? Convert.ToInt32(min, System.Globalization.CultureInfo.InvariantCulture) : null,
                a.Directive!.FindArgument("max")?.Value is { } max ? Convert.ToInt32(max, System.Globalization.CultureInfo.InvariantCulture) : null))
            .ToList();

    /// <summary>
    /// Checks the arguments the client gave the fields below a bound field that are not bound themselves: their values
    /// travel with the bound field's call (a remote GraphQL sub-selection), so they are checked before it is made.
    /// </summary>
    public static void CheckBelow(FieldSelection selection) => CheckBelow(selection, selection.Type, selection.Field.SelectionSet);

    /// <summary>
    /// Gets whether any field below <paramref name="type"/> that is not bound itself has an <c>@range</c> argument, so
    /// <see cref="CheckBelow(FieldSelection)"/> has something to check (REST and gRPC answers usually have none).
    /// </summary>
    public static bool AnyBelow(IGraphType type) => AnyBelow(GraphTypes.Named(type), new HashSet<IGraphType>(ReferenceEqualityComparer.Instance));

    public void Check(IResolveFieldContext context)
    {
        if (context.Arguments?.TryGetValue(Argument, out var value) == true && value.Value is int number)
        {
            Check(number, Argument);
        }
    }

    private static void CheckBelow(FieldSelection selection, IGraphType type, GraphQLSelectionSet? selections)
    {
        var named = GraphTypes.Named(type);
        foreach (var field in selection.Flatten(selections))
        {
            var name = field.Name.StringValue;
            var definition = (named as IComplexGraphType)?.GetField(name)
                ?? (named as IAbstractGraphType)?.PossibleTypes.Select(t => t.GetField(name)).FirstOrDefault(f => f is not null);
            if (definition is null || definition.Resolver is IBoundFieldResolver)
            {
                continue;
            }

            foreach (var range in Known.GetValue(definition, Read))
            {
                var given = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == range.Argument);
                if (given is not null && AstValues.ToJson(given.Value, selection.Variables) is JsonValue value
                    && double.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    range.Check(number, $"{range.Argument}' of '{name}");
                }
            }

            CheckBelow(selection, definition.ResolvedType!, field.SelectionSet);
        }
    }

    private static bool AnyBelow(IGraphType named, HashSet<IGraphType> seen)
    {
        if (!seen.Add(named))
        {
            return false;
        }

        var types = named is IAbstractGraphType union ? union.PossibleTypes.Cast<IComplexGraphType>() : named is IComplexGraphType complex ? [complex] : [];
        return types.SelectMany(t => t.Fields).Where(f => f.Resolver is not IBoundFieldResolver)
            .Any(f => Known.GetValue(f, Read).Count > 0 || AnyBelow(GraphTypes.Named(f.ResolvedType!), seen));
    }

    private void Check(double number, string what)
    {
        if (number < Min || number > Max)
        {
            throw new BffError(
                ErrorCodes.BadUserInput,
                $"Argument '{what}' must be between {Min?.ToString() ?? "-∞"} and {Max?.ToString() ?? "∞"}; got {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                new Dictionary<string, object?> { ["argument"] = Argument, ["min"] = Min, ["max"] = Max });
        }
    }
}
