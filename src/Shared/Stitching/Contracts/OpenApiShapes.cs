using Microsoft.OpenApi;

namespace Bff.Stitching.Contracts;

/// <summary>
/// Reduces OpenAPI schemas to <see cref="ContractShape"/>s. <c>allOf</c> is one object with the properties of every part
/// (a lone part, the idiom for annotating a <c>$ref</c>, is that part). <c>oneOf</c>/<c>anyOf</c> is a shape of kind
/// <see cref="ShapeKind.Any"/> whose <see cref="ContractShape.Variants"/> the checks choose from — a path is valid if one
/// variant has it, a type if a variant of its kind fits it. A <c>null</c> alternative (3.0 <c>nullable</c>, 3.1
/// <c>type: [x, "null"]</c>, <c>oneOf: [x, {type: null}]</c>) is dropped: GraphQL fields are nullable unless declared not.
/// </summary>
internal sealed class OpenApiShapes
{
    private readonly Dictionary<string, ContractShape> _named = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly string _fullPath;
    private readonly OpenApiFileLoader _files;
    private readonly ICollection<string> _errors;

    /// <summary>Creates the reducer of one document; unresolved references are added to <paramref name="errors"/>.</summary>
    public OpenApiShapes(string file, string fullPath, OpenApiFileLoader files, ICollection<string> errors)
    {
        (_file, _fullPath, _files, _errors) = (file, fullPath, files, errors);
    }

    /// <summary>Gets the shape of <paramref name="schema"/>, found at <paramref name="pointer"/>, named <paramref name="name"/> when inline.</summary>
    public ContractShape Shape(IOpenApiSchema? schema, string name, string pointer)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            return Named(reference, pointer);
        }

        if (schema is null)
        {
            return ContractShape.Anything;
        }

        if (schema.AllOf is { Count: > 0 } all)
        {
            return AllOf(schema, all, name, pointer);
        }

        if ((schema.OneOf is { Count: > 0 } ? schema.OneOf : schema.AnyOf) is { Count: > 0 } variants)
        {
            return OneOf(variants, name, pointer + (schema.OneOf is { Count: > 0 } ? "/oneOf" : "/anyOf"));
        }

        var type = schema.Type & ~JsonSchemaType.Null;
        return type switch
        {
            JsonSchemaType.Array => ContractShape.ListOf(Shape(schema.Items, name + "[]", pointer + "/items")),
            JsonSchemaType.Integer => new ContractShape(ShapeKind.Integer, "integer") { Format = schema.Format is "int32" or "int64" ? schema.Format : null },
            JsonSchemaType.Number => new ContractShape(ShapeKind.Number, "number") { Format = schema.Format is "float" ? "float" : "double" },
            JsonSchemaType.Boolean => new ContractShape(ShapeKind.Boolean, "boolean"),
            JsonSchemaType.String when schema.Enum is { Count: > 0 } values => Enumeration(name, values),
            JsonSchemaType.String => new ContractShape(ShapeKind.String, "string") { Format = schema.Format is "byte" ? "byte" : null },
            JsonSchemaType.Object or null or 0 when schema.Properties is { Count: > 0 } => Fill(new ContractShape(ShapeKind.Object, name), schema, pointer),
            _ => ContractShape.Anything,
        };
    }

    private ContractShape Named(OpenApiSchemaReference reference, string pointer)
    {
        var key = $"{reference.Reference.ExternalResource}#{reference.Reference.Id}";
        if (_named.TryGetValue(key, out var known))
        {
            return known;
        }

        if (reference.Target is not { } target)
        {
            Unresolved(reference.Reference, pointer);
            return _named[key] = ContractShape.Anything;
        }

        var name = reference.Reference.Id?.Split('/')[^1] ?? "schema";
        var at = reference.Reference.IsExternal ? pointer : reference.Reference.ReferenceV3 ?? pointer;
        if (target.AllOf is not { Count: > 0 } && target.Properties is { Count: > 0 } && (target.Type & ~JsonSchemaType.Null) is JsonSchemaType.Object or null or 0)
        {
            // Registered before its properties are read, so a type that refers to itself ends.
            var shape = _named[key] = new ContractShape(ShapeKind.Object, name);
            return Fill(shape, target, at);
        }

        return _named[key] = Shape(target, name, at);
    }

    /// <summary>Reports a <c>$ref</c> (of a schema, parameter, response or body) that names nothing, at <paramref name="pointer"/>.</summary>
    public void Unresolved(BaseOpenApiReference reference, string pointer)
    {
        var problem = _files.ProblemOf(reference.ExternalResource, _fullPath);
        _errors.Add($"{_file}: {pointer}: $ref '{reference.ReferenceV3}' does not resolve{(problem is null ? "" : $": {problem}")}.");
    }

    private ContractShape Fill(ContractShape shape, IOpenApiSchema schema, string pointer)
    {
        foreach (var (property, propertySchema) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            shape.Properties[property] = Shape(propertySchema, property, $"{pointer}/properties/{OpenApiPointer.Escape(property)}");
        }

        return shape;
    }

    private ContractShape AllOf(IOpenApiSchema schema, IList<IOpenApiSchema> parts, string name, string pointer)
    {
        if (parts.Count == 1 && schema.Properties is not { Count: > 0 })
        {
            return Shape(parts[0], name, pointer + "/allOf/0");
        }

        var merged = new ContractShape(ShapeKind.Object, name);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = Shape(parts[i], name, $"{pointer}/allOf/{i}");
            foreach (var (property, shape) in part.Properties)
            {
                merged.Properties[property] = shape;
            }
        }

        return Fill(merged, schema, pointer);
    }

    private ContractShape OneOf(IList<IOpenApiSchema> variants, string name, string pointer)
    {
        var choice = variants
            .Select((v, i) => (Schema: v, Index: i))
            .Where(v => v.Schema is OpenApiSchemaReference || v.Schema.Type != JsonSchemaType.Null)
            .Select(v => Shape(v.Schema, name, $"{pointer}/{v.Index}"))
            .ToList();
        if (choice.Count == 1)
        {
            return choice[0];
        }

        var union = new ContractShape(ShapeKind.Any, string.Join(" | ", choice.Select(c => c.Name)));
        union.Variants.AddRange(choice);
        return union;
    }

    private static ContractShape Enumeration(string name, IList<System.Text.Json.Nodes.JsonNode> values)
    {
        var enumeration = new ContractShape(ShapeKind.Enum, name);
        enumeration.EnumValues.AddRange(values.OfType<System.Text.Json.Nodes.JsonValue>()
            .Select(v => v.TryGetValue<string>(out var text) ? text : null).OfType<string>());
        return enumeration;
    }
}
