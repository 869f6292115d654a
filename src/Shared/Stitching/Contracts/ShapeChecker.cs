using Bff.Stitching.Bindings;
using GraphQL.Types;

namespace Bff.Stitching.Contracts;

/// <summary>Compares GraphQL types and binding templates with contract shapes.</summary>
internal static class ShapeChecker
{
    /// <summary>Finds a property by exact name, else by its snake_case form.</summary>
    public static ContractShape? Property(ContractShape shape, string name) =>
        shape.Properties.GetValueOrDefault(name) ?? shape.Properties.GetValueOrDefault(Execution.JsonPath.ToSnakeCase(name));

    /// <summary>Follows a dotted path through object shapes; <see langword="null"/> when a step does not exist.</summary>
    public static ContractShape? Follow(ContractShape shape, IReadOnlyList<string> path)
    {
        if (path.Count > 0 && shape.Variants.Count > 0)
        {
            return shape.Variants.Select(v => Follow(v, path)).FirstOrDefault(v => v is not null);
        }

        foreach (var step in path)
        {
            if (shape.Kind == ShapeKind.Any)
            {
                return shape;
            }

            if (shape.Kind != ShapeKind.Object || Property(shape, step) is not { } next)
            {
                return null;
            }

            shape = next;
        }

        return shape;
    }

    /// <summary>Picks the variant of a <c>oneOf</c> shape of kind <paramref name="kind"/>; other shapes pass unchanged.</summary>
    public static ContractShape Variant(ContractShape shape, ShapeKind kind) =>
        shape.Variants.FirstOrDefault(v => v.Kind == kind) ?? shape;

    /// <summary>
    /// When <paramref name="template"/> is one enum argument and <paramref name="target"/> a contract enum, records how
    /// GraphQL values are renamed for the downstream, so <c>IN_PROGRESS</c> is sent as the contract's <c>in_progress</c>;
    /// a GraphQL value with no contract value, or with two, is added to <paramref name="errors"/>.
    /// </summary>
    public static void MapEnumValues(ValueTemplate template, ContractShape target, FieldType field, string what, List<string> errors)
    {
        if (target.Kind == ShapeKind.List && target.Items is not null)
        {
            target = target.Items;
        }

        if (target.Kind != ShapeKind.Enum || template.Single is not { Root: TemplateRoot.Args } arg
            || field.Arguments?.Find(arg.Path[0])?.ResolvedType is not { } argType
            || Execution.GraphTypes.Named(argType) is not EnumerationGraphType enumeration)
        {
            return;
        }

        template.EnumValues = EnumMapping.MapInput(target, enumeration, what, errors);
    }

    /// <summary>Checks that every key of a request mapping exists in <paramref name="target"/> and its value fits.</summary>
    public static void CheckMapping(ObjectMapping mapping, ContractShape target, FieldType field, string what, List<string> errors)
    {
        foreach (var (key, template) in mapping.Entries)
        {
            var shape = Follow(target, key.Split('.'));
            if (shape is null)
            {
                var known = string.Join(", ", target.Properties.Keys);
                errors.Add($"{what}: '{key}' is not a field of {target.Name} (fields: {known}).");
                continue;
            }

            MapEnumValues(template, shape, field, $"{what}: '{key}'", errors);

            if (template.Single is { Root: TemplateRoot.Keys } && shape.Kind is not (ShapeKind.List or ShapeKind.Any))
            {
                errors.Add($"{what}: '{key}' receives {{keys}}, a list, but is a single {shape.Name}.");
            }
            else
            {
                CheckArgument(template.Single, shape, field, key, what, errors);
            }
        }
    }

    /// <summary>
    /// Checks that the argument <paramref name="expression"/> reads (a field argument, or a field of an input object
    /// argument) can fill <paramref name="target"/> without failing at run time (<see cref="ScalarMapping.InputProblem"/>);
    /// a claim, always text, only fills string fields.
    /// </summary>
    public static void CheckArgument(TemplateExpression? expression, ContractShape target, FieldType field, string name, string what, List<string> errors)
    {
        var item = target.Kind == ShapeKind.List && target.Items is not null ? target.Items : target;
        if (expression is { Root: TemplateRoot.Claims } && (item.Kind is not (ShapeKind.String or ShapeKind.Any) || item.Format == "byte"))
        {
            errors.Add($"{what}: {expression.Text}: a claim is text, which cannot fill {ScalarMapping.Describe(item)} field '{name}' for every caller; map it to a string field.");
            return;
        }

        if (expression is not { Root: TemplateRoot.Args } || field.Arguments?.Find(expression.Path[0]) is not { ResolvedType: { } type } argument)
        {
            return;
        }

        foreach (var step in expression.Path.Skip(1))
        {
            if (Execution.GraphTypes.Named(type) is not IInputObjectGraphType input || input.GetField(step)?.ResolvedType is not { } inner)
            {
                return;
            }

            type = inner;
        }

        var nonNegative = expression.Path.Count == 1 && Execution.ArgumentRange.Read(field).Any(r => r.Argument == argument.Name && r.Min >= 0);
        if (Execution.GraphTypes.Named(type) is ScalarGraphType or EnumerationGraphType
            && ScalarMapping.InputProblem(Execution.GraphTypes.Named(type), item, name, nonNegative) is { } problem)
        {
            errors.Add($"{what}: {expression.Text}: {problem}");
        }
    }
}
