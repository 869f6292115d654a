using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.YamlReader;

namespace Bff.Stitching.Contracts;

/// <summary>
/// Restores Swagger 2.0's <c>collectionFormat</c> on the parameters Microsoft.OpenApi read: its reader maps both
/// <c>csv</c> (the default, <c>ids=a,b</c>) and <c>multi</c> (<c>ids=a&amp;ids=b</c>) to <c>style: form</c> with
/// <c>explode: true</c>, so a 2.0 service expecting commas would receive repeated parameters. Read from the document's
/// own text: only <c>multi</c> explodes.
/// </summary>
internal static class SwaggerCollectionFormat
{
    /// <summary>Sets <c>explode: false</c> on every array parameter of <paramref name="document"/> whose format is not <c>multi</c>.</summary>
    /// <param name="document">The document as Microsoft.OpenApi read it.</param>
    /// <param name="text">The document's text (JSON or YAML).</param>
    public static void Restore(OpenApiDocument document, string text)
    {
        if (Parse(text) is not JsonObject root || root["paths"] is not JsonObject paths)
        {
            return;
        }

        foreach (var (path, rawItem) in paths)
        {
            if (rawItem is not JsonObject item || document.Paths?.GetValueOrDefault(path) is not { } read)
            {
                continue;
            }

            Apply(root, item["parameters"], read.Parameters);
            foreach (var (method, operation) in read.Operations ?? [])
            {
                Apply(root, item[method.Method.ToLowerInvariant()]?["parameters"], operation.Parameters);
            }
        }
    }

    private static void Apply(JsonObject root, JsonNode? raw, IList<IOpenApiParameter>? read)
    {
        foreach (var node in raw as JsonArray ?? [])
        {
            var parameter = node?["$ref"]?.GetValue<string>() is { } pointer && pointer.StartsWith("#/parameters/", StringComparison.Ordinal)
                ? root["parameters"]?[pointer["#/parameters/".Length..]]
                : node;
            if ((string?)parameter?["type"] != "array" || (string?)parameter["collectionFormat"] == "multi")
            {
                continue;
            }

            var match = read?.FirstOrDefault(p => p.Name == (string?)parameter["name"]);
            if ((match is OpenApiParameterReference reference ? reference.Target : match) is Microsoft.OpenApi.OpenApiParameter target)
            {
                target.Explode = false;
            }
        }
    }

    private static JsonNode? Parse(string text)
    {
        if (text.TrimStart().StartsWith('{'))
        {
            return JsonNode.Parse(text);
        }

        var yaml = new SharpYaml.Serialization.YamlStream();
        yaml.Load(new StringReader(text));
        return yaml.Documents.Count == 0 ? null : YamlConverter.ToJsonNode(yaml.Documents[0]);
    }
}
