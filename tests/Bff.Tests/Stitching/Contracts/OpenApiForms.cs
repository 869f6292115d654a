using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Bff.Tests.Stitching.Contracts;

/// <summary>
/// The demo's REST contracts (<c>schemas/downstream/*.openapi.json</c>, OpenAPI 3.0 JSON) rewritten by Microsoft.OpenApi's
/// writers in another form — YAML, OpenAPI 3.1, Swagger 2.0 — beside the binaries, for hosts to bind instead.
/// </summary>
public static class OpenApiForms
{
    /// <summary>The forms: file extension and specification version.</summary>
    public static TheoryData<string> All => new() { "yaml-3.0", "json-3.1", "yaml-3.1", "yaml-2.0", "json-2.0" };

    /// <summary>Writes the jobs and profiles contracts in <paramref name="form"/>; returns the host settings that bind them.</summary>
    public static async Task<Dictionary<string, string?>> WriteAsync(string form)
    {
        var (format, version) = Parse(form);
        var settings = new Dictionary<string, string?>();
        foreach (var source in new[] { "jobs", "profiles" })
        {
            var original = Path.Combine(AppContext.BaseDirectory, "schemas", "downstream", $"{source}.openapi.json");
            var document = (await OpenApiDocument.LoadAsync(original, new OpenApiReaderSettings())).Document!;
            if (version == OpenApiSpecVersion.OpenApi2_0)
            {
                WithoutOneOf(document);
            }

            var text = format == "yaml" ? await document.SerializeAsYamlAsync(version) : await document.SerializeAsJsonAsync(version);
            var file = Path.Combine("schemas", $"form-{form}-{source}.{format}");
            await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, file), text);
            settings[$"Bff:Sources:{source}:Contract"] = file;
        }

        return settings;
    }

    // Swagger 2.0 has no oneOf (its writer keeps the first variant): a 2.0 author declares a two-mode response
    // without a schema, which binds any shape.
    private static void WithoutOneOf(OpenApiDocument document)
    {
        var media = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Responses?.Values.AsEnumerable() ?? []).SelectMany(r => r.Content?.Values.AsEnumerable() ?? []);
        foreach (var type in media.OfType<OpenApiMediaType>().Where(m => m.Schema?.OneOf is { Count: > 0 }))
        {
            type.Schema = new OpenApiSchema();
        }
    }

    private static (string Format, OpenApiSpecVersion Version) Parse(string form) => (form[..4], form[5..] switch
    {
        "2.0" => OpenApiSpecVersion.OpenApi2_0,
        "3.0" => OpenApiSpecVersion.OpenApi3_0,
        _ => OpenApiSpecVersion.OpenApi3_1,
    });
}
