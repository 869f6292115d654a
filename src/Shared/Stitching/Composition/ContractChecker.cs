using Bff.Stitching.Bindings;
using GraphQL;
using GraphQL.Types;
using Bff.Stitching.Contracts;

namespace Bff.Stitching.Composition;

/// <summary>
/// Walks each bound field's GraphQL type alongside the shape its call returns: every field read from the response
/// must exist in the contract with a compatible type, and every <c>{parent.…}</c> of a nested binding must exist.
/// </summary>
internal sealed class ContractChecker
{
    private readonly ISchema _schema;
    private readonly Dictionary<FieldType, FieldBinding> _bound;
    private readonly SdlFile _sdl;
    private readonly HashSet<(string, ContractShape)> _visited = [];
    private readonly List<string> _errors = [];

    private ContractChecker(ISchema schema, IReadOnlyList<FieldBinding> bindings, SdlFile sdl)
    {
        _schema = schema;
        _sdl = sdl;
        _bound = bindings.ToDictionary(b => FieldOf(b)!, b => b);
    }

    public static List<string> Check(ISchema schema, IReadOnlyList<FieldBinding> bindings, ContractSet contracts, DownstreamProtocols protocols, SdlFile sdl)
    {
        var checker = new ContractChecker(schema, bindings, sdl);
        return checker.Run(contracts, protocols);
    }

    private FieldType? FieldOf(FieldBinding binding) =>
        (_schema.AllTypes[binding.TypeName] as IObjectGraphType)?.GetField(binding.FieldName);

    private List<string> Run(ContractSet contracts, DownstreamProtocols protocols)
    {
        foreach (var (field, binding) in _bound)
        {
            var response = contracts.For(binding) is { } contract ? protocols.For(binding).ResponseOf(binding, contract) : null;
            if (response is null)
            {
                continue;
            }

            var where = $"{binding.Source} {binding.Operation}";
            var selected = ShapeChecker.Follow(response, binding.Select);
            if (selected is null)
            {
                Add(binding.Coordinate, $"select '{string.Join('.', binding.Select)}' does not exist in the response {response.Name} of {where}.");
                continue;
            }

            // A stream collected with take: each message is selected, and the field is the list of them.
            if (binding.Streams && binding.Take is not null)
            {
                selected = ContractShape.ListOf(selected);
            }

            // A response the contract leaves untyped (a Swagger 2.0 two-mode response) may be the list a batch needs.
            if (binding.BatchKey is not null && selected.Kind == ShapeKind.Any && selected.Variants.Count == 0)
            {
                continue;
            }

            if (binding.BatchKey is not null)
            {
                selected = ShapeChecker.Variant(selected, ShapeKind.List);
                if (selected.Kind != ShapeKind.List || selected.Items is null)
                {
                    Add(binding.Coordinate, $"is batched, so the response of {where} (selected) must be a list, but it is {selected.Name}.");
                    continue;
                }

                if (ShapeChecker.Follow(selected.Items, binding.MatchOn) is null)
                {
                    Add(binding.Coordinate, $"matchOn '{string.Join('.', binding.MatchOn)}' is not a property of {selected.Items.Name}.");
                }

                var picked = ShapeChecker.Follow(selected.Items, binding.Pick);
                if (picked is null)
                {
                    Add(binding.Coordinate, $"pick '{string.Join('.', binding.Pick)}' is not a property of {selected.Items.Name}.");
                    continue;
                }

                selected = Execution.GraphTypes.IsList(field.ResolvedType!) ? ContractShape.ListOf(picked) : picked;
            }

            CheckType(field.ResolvedType!, selected, binding.Coordinate, where);
        }

        return _errors;
    }

    private void CheckType(IGraphType type, ContractShape shape, string coordinate, string where)
    {
        if (shape.Variants.Count > 0)
        {
            var unwrapped = type is NonNullGraphType nn ? nn.ResolvedType! : type;
            shape = ShapeChecker.Variant(shape, unwrapped is ListGraphType ? ShapeKind.List : unwrapped is IObjectGraphType ? ShapeKind.Object : ShapeKind.Any);
        }

        if (shape.Kind == ShapeKind.Any)
        {
            return;
        }

        switch (type)
        {
            case NonNullGraphType nonNull:
                CheckType(nonNull.ResolvedType!, shape, coordinate, where);
                return;
            case ListGraphType list when shape.Kind == ShapeKind.List && shape.Items is not null:
                CheckType(list.ResolvedType!, shape.Items, coordinate, where);
                return;
            case ListGraphType:
                Add(coordinate, $"type mismatch: the field is a list but {where} gives {shape.Name}.");
                return;
            case EnumerationGraphType enumeration when shape.Kind == ShapeKind.Enum:
                foreach (var problem in EnumMapping.CheckOutput(shape, enumeration, where))
                {
                    Add(coordinate, problem);
                }

                return;
            case ScalarGraphType or EnumerationGraphType:
                if (ScalarMapping.OutputProblem(type, shape, where) is { } mismatch)
                {
                    Add(coordinate, mismatch);
                }

                return;
            case IObjectGraphType obj when shape.Kind == ShapeKind.Object:
                if (_visited.Add((obj.Name, shape)))
                {
                    CheckObject(obj, shape, where);
                }

                return;
            default:
                Add(coordinate, $"type mismatch: the field is {type.Name} but {where} gives {shape.Name}.");
                return;
        }
    }

    private void CheckObject(IObjectGraphType type, ContractShape shape, string where)
    {
        foreach (var field in type.Fields)
        {
            var coordinate = $"{type.Name}.{field.Name}";
            if (_bound.TryGetValue(field, out var binding))
            {
                foreach (var parent in binding.Templates.SelectMany(t => t.Expressions).Where(e => e.Root == TemplateRoot.Parent))
                {
                    if (ShapeChecker.Follow(shape, parent.Path) is null)
                    {
                        Add(coordinate, $"{parent.Text}: '{string.Join('.', parent.Path)}' is not a property of {shape.Name} ({where}).");
                    }
                }

                continue;
            }

            var path = field.GetAppliedDirectives()?.Find("from")?.FindArgument("path")?.Value is string from
                ? BindingArguments.SplitPath(from)
                : [field.Name];
            var property = ShapeChecker.Follow(shape, path);
            if (property is null)
            {
                Add(coordinate, $"'{string.Join('.', path)}' is not a property of {shape.Name} ({where}); add @from(path: \"…\") or bind the field.");
                continue;
            }

            CheckType(field.ResolvedType!, property, coordinate, where);
        }
    }

    private void Add(string coordinate, string message) => _errors.Add($"{_sdl.Where(coordinate)}: {coordinate}: {message}");
}
