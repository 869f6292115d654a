using Microsoft.OpenApi;

namespace Bff.Stitching.Contracts;

/// <summary>Reduces one operation of an OpenAPI document to an <see cref="OpenApiOperation"/>.</summary>
/// <param name="shapes">The document's schema reducer.</param>
/// <param name="pointer">The operation's JSON pointer, e.g. <c>#/paths/~1jobs/get</c>.</param>
internal sealed class OpenApiOperationReader(OpenApiShapes shapes, string pointer)
{
    /// <summary>Reads <paramref name="operation"/>; parameters of <paramref name="item"/> apply unless the operation redefines them.</summary>
    public OpenApiOperation Read(string method, string path, IOpenApiPathItem item, Microsoft.OpenApi.OpenApiOperation operation,
        IReadOnlyList<IReadOnlyList<string>> security)
    {
        var own = (operation.Parameters ?? []).Select((p, i) => Parameter(p, $"{pointer}/parameters/{i}")).ToList();
        var inherited = (item.Parameters ?? []).Select((p, i) => Parameter(p, $"{pointer[..pointer.LastIndexOf('/')]}/parameters/{i}"))
            .Where(p => !own.Any(o => o.Name == p.Name && o.In == p.In));
        var success = operation.Responses?.FirstOrDefault(r => r.Key.StartsWith('2'));
        if (success is { Key: { } status, Value: OpenApiResponseReference { Target: null } missing })
        {
            shapes.Unresolved(missing.Reference, $"{pointer}/responses/{status}");
        }

        if (operation.RequestBody is OpenApiRequestBodyReference { Target: null } noBody)
        {
            shapes.Unresolved(noBody.Reference, $"{pointer}/requestBody");
        }

        var response = success is { Key: { } code, Value: { } ok } && Json(ok.Content) is { } json
            ? shapes.Shape(json.Value.Schema, "response", $"{pointer}/responses/{code}/content/{OpenApiPointer.Escape(json.Key)}/schema")
            : ContractShape.Anything;
        var body = Json(operation.RequestBody?.Content) is { } request
            ? shapes.Shape(request.Value.Schema, "body", $"{pointer}/requestBody/content/{OpenApiPointer.Escape(request.Key)}/schema")
            : null;
        return new OpenApiOperation(method.ToUpperInvariant(), path, [.. inherited, .. own], response, body, operation.OperationId, security);
    }

    private static KeyValuePair<string, IOpenApiMediaType>? Json(IDictionary<string, IOpenApiMediaType>? content) =>
        content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)) is { Key: not null } found ? found : null;

    private OpenApiParameter Parameter(IOpenApiParameter parameter, string at)
    {
        if (parameter is OpenApiParameterReference { Target: null } missing)
        {
            shapes.Unresolved(missing.Reference, at);
        }

        var location = parameter.In?.ToString().ToLowerInvariant() ?? "query";
        var schema = parameter.Schema ?? Json(parameter.Content)?.Value.Schema;
        return new OpenApiParameter(parameter.Name ?? "", location, parameter.Required,
            shapes.Shape(schema, parameter.Name ?? "parameter", at + "/schema"), StyleName(parameter.Style), parameter.Explode);
    }

    private static string? StyleName(ParameterStyle? style) => style switch
    {
        null => null,
        ParameterStyle.SpaceDelimited => "spaceDelimited",
        ParameterStyle.PipeDelimited => "pipeDelimited",
        ParameterStyle.DeepObject => "deepObject",
        _ => style.ToString()!.ToLowerInvariant(),
    };
}
