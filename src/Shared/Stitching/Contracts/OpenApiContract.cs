using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bff.Stitching.Contracts;

/// <summary>
/// A REST source's OpenAPI 3 document (JSON), reduced to what bindings are checked against: operations,
/// parameters and response schemas, with <c>$ref</c>s to <c>components/schemas</c> resolved.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private readonly JsonObject _root;
    private readonly Dictionary<string, ContractShape> _named = new(StringComparer.Ordinal);

    private OpenApiContract(string file, JsonObject root)
    {
        File = file;
        _root = root;
    }

    /// <summary>Gets the contract file, as configured.</summary>
    public string File { get; }

    /// <summary>Gets the operations of the document.</summary>
    public List<OpenApiOperation> Operations { get; } = [];

    /// <summary>Loads an OpenAPI JSON document; problems are added to <paramref name="errors"/>.</summary>
    public static OpenApiContract? Load(string displayPath, string fullPath, ICollection<string> errors)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(System.IO.File.ReadAllText(fullPath)) as JsonObject;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            errors.Add($"{displayPath}: cannot read the OpenAPI document: {ex.Message}");
            return null;
        }

        if (root?["paths"] is not JsonObject paths)
        {
            errors.Add($"{displayPath}: not an OpenAPI document (no 'paths' object).");
            return null;
        }

        var contract = new OpenApiContract(displayPath, root);
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject pathItem)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (pathItem[method] is JsonObject operation)
                {
                    contract.Operations.Add(contract.ReadOperation(method.ToUpperInvariant(), path, pathItem, operation));
                }
            }
        }

        return contract;
    }

    /// <summary>Finds the operation a binding's method and path (variables as <c>{}</c>) refer to.</summary>
    public OpenApiOperation? Find(string method, string pathShape) =>
        Operations.FirstOrDefault(o => o.Method == method && o.PathShape == pathShape.TrimEnd('/'));

    private OpenApiOperation ReadOperation(string method, string path, JsonObject pathItem, JsonObject operation)
    {
        var parameters = (pathItem["parameters"] as JsonArray ?? []).Concat(operation["parameters"] as JsonArray ?? [])
            .Select(p => Resolve(p) as JsonObject)
            .Where(p => p is not null)
            .Select(p => new OpenApiParameter(
                (string?)p!["name"] ?? "", (string?)p["in"] ?? "query", (bool?)p["required"] ?? false, Shape(p["schema"], (string?)p["name"] ?? "parameter")))
            .ToList();
        var responses = operation["responses"] as JsonObject ?? [];
        var success = responses.FirstOrDefault(r => r.Key.StartsWith('2')).Value;
        var response = JsonSchemaOf(Resolve(success)) is { } schema ? Shape(schema, "response") : ContractShape.Anything;
        var body = JsonSchemaOf(Resolve(operation["requestBody"])) is { } bodySchema ? Shape(bodySchema, "body") : null;
        return new OpenApiOperation(method, path, parameters, response, body,
            operation["operationId"]?.GetValue<string>(), OpenApiSecurity.Read(_root, operation));
    }

    private static JsonNode? JsonSchemaOf(JsonNode? withContent) =>
        withContent?["content"] is JsonObject content
            ? content.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value?["schema"]
            : null;

    private JsonNode? Resolve(JsonNode? node)
    {
        for (var i = 0; i < 16 && node?["$ref"] is JsonValue reference; i++)
        {
            node = Pointer((string)reference!);
        }

        return node;
    }

    private JsonNode? Pointer(string reference)
    {
        JsonNode? node = _root;
        foreach (var step in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[step.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }

    private ContractShape Shape(JsonNode? schema, string name)
    {
        if (schema?["$ref"] is JsonValue reference)
        {
            var key = (string)reference!;
            if (_named.TryGetValue(key, out var named))
            {
                return named;
            }

            var target = Pointer(key);
            var shapeName = key[(key.LastIndexOf('/') + 1)..];
            if (target?["type"]?.ToString() is "object" or null && target?["properties"] is not null)
            {
                var obj = new ContractShape(ShapeKind.Object, shapeName);
                _named[key] = obj;
                FillProperties(obj, target);
                return obj;
            }

            return _named[key] = Shape(target, shapeName);
        }

        if (schema is not JsonObject s)
        {
            return ContractShape.Anything;
        }

        if (s["allOf"] is JsonArray { Count: > 0 } all)
        {
            return Shape(all[0], name);
        }

        if ((s["oneOf"] ?? s["anyOf"]) is JsonArray { Count: > 0 } variants)
        {
            var choice = variants.Select(v => Shape(v, name)).ToList();
            var union = new ContractShape(ShapeKind.Any, string.Join(" | ", choice.Select(c => c.Name)));
            union.Variants.AddRange(choice);
            return union;
        }

        var type = s["type"] switch
        {
            JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            var t => (string?)t,
        };
        switch (type)
        {
            case "array":
                return ContractShape.ListOf(Shape(s["items"], name + "[]"));
            case "integer":
                return new ContractShape(ShapeKind.Integer, "integer") { Format = (string?)s["format"] is "int32" or "int64" ? (string?)s["format"] : null };
            case "number":
                return new ContractShape(ShapeKind.Number, "number") { Format = (string?)s["format"] is "float" ? "float" : "double" };
            case "boolean":
                return new ContractShape(ShapeKind.Boolean, "boolean");
            case "string" when s["enum"] is JsonArray values:
                var enumeration = new ContractShape(ShapeKind.Enum, name);
                enumeration.EnumValues.AddRange(values.Select(v => (string?)v).OfType<string>());
                return enumeration;
            case "string":
                return new ContractShape(ShapeKind.String, "string") { Format = (string?)s["format"] is "byte" ? "byte" : null };
            case "object" or null when s["properties"] is not null:
                var obj = new ContractShape(ShapeKind.Object, name);
                FillProperties(obj, s);
                return obj;
            default:
                return ContractShape.Anything;
        }
    }

    private void FillProperties(ContractShape obj, JsonNode schema)
    {
        foreach (var (property, propertySchema) in schema["properties"] as JsonObject ?? [])
        {
            obj.Properties[property] = Shape(propertySchema, property);
        }
    }
}
