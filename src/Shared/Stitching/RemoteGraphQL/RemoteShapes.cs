using Bff.Stitching.Contracts;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Describes remote GraphQL types as contract shapes, so the checker that walks REST and gRPC responses walks remote
/// ones too: Int is int32, Float double, String and ID text, enums their values, objects and interfaces their fields;
/// unions and custom scalars may be anything.
/// </summary>
internal sealed class RemoteShapes(RemoteSchema schema)
{
    private readonly Dictionary<string, ContractShape> _named = new(StringComparer.Ordinal);

    public ContractShape Of(RemoteTypeRef type) =>
        type.Item is { } item ? ContractShape.ListOf(Of(item)) : Named(type.Name!);

    /// <summary>Gets the arguments of <paramref name="field"/> as an object shape (its properties are the arguments).</summary>
    public ContractShape ArgumentsOf(RemoteField field, string where)
    {
        var shape = new ContractShape(ShapeKind.Object, where);
        foreach (var (name, argument) in field.Arguments)
        {
            shape.Properties[name] = Of(argument.Type);
        }

        return shape;
    }

    private ContractShape Named(string name)
    {
        if (_named.TryGetValue(name, out var known))
        {
            return known;
        }

        var type = schema.Types.GetValueOrDefault(name);
        var shape = (name, type?.Kind) switch
        {
            ("Int", _) => new ContractShape(ShapeKind.Integer, "Int") { Format = "int32" },
            ("Float", _) => new ContractShape(ShapeKind.Number, "Float") { Format = "double" },
            ("String" or "ID", _) => new ContractShape(ShapeKind.String, name),
            ("Boolean", _) => new ContractShape(ShapeKind.Boolean, "Boolean"),
            (_, RemoteTypeKind.Enum) => new ContractShape(ShapeKind.Enum, name),
            (_, RemoteTypeKind.Object or RemoteTypeKind.Interface or RemoteTypeKind.InputObject) => new ContractShape(ShapeKind.Object, name),
            _ => new ContractShape(ShapeKind.Any, name),
        };
        _named[name] = shape;
        if (type is not null)
        {
            shape.EnumValues.AddRange(type.EnumValues);
            foreach (var (fieldName, field) in type.Fields)
            {
                shape.Properties[fieldName] = Of(field.Type);
            }
        }

        return shape;
    }
}
