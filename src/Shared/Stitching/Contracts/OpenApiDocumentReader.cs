using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Bff.Stitching.Contracts;

/// <summary>
/// Reads an OpenAPI document — Swagger 2.0, OpenAPI 3.0 or 3.1, in JSON or YAML — with <c>Microsoft.OpenApi</c>, following
/// <c>$ref</c>s into other files beside it; every problem becomes a start-up error naming the file and, when the reader knows
/// it, the JSON pointer or the line.
/// </summary>
internal static class OpenApiDocumentReader
{
    /// <summary>Reads the document at <paramref name="fullPath"/>, or adds why it cannot be read to <paramref name="errors"/>.</summary>
    /// <param name="displayPath">The file as configured, for messages.</param>
    /// <param name="fullPath">The file's full path; relative <c>$ref</c>s are resolved against it.</param>
    /// <param name="errors">Where problems are added.</param>
    /// <param name="files">The reader of referenced files, which remembers those it could not read.</param>
    /// <param name="warnings">Where problems that do not stop the gateway are added (fields the reader does not know).</param>
    public static OpenApiDocument? Read(string displayPath, string fullPath, ICollection<string> errors, OpenApiFileLoader files, List<string> warnings)
    {
        // A Swagger 2.0 operation without "produces" answers JSON, as REST sources do, not the reader's octet-stream.
        var settings = new OpenApiReaderSettings
        {
            LoadExternalRefs = true, BaseUrl = new Uri(Path.GetFullPath(fullPath)), CustomExternalLoader = files, DefaultContentType = ["application/json"],
        };
        settings.AddYamlReader();
        ReadResult result;
        try
        {
            var bytes = File.ReadAllBytes(fullPath);
            using var stream = new MemoryStream(bytes);

            // Referenced files come from OpenApiFileLoader, which reads local files synchronously, so waiting here at
            // start-up neither deadlocks nor reaches the network.
            result = OpenApiDocument.LoadAsync(stream, null, settings).GetAwaiter().GetResult();
            if (result.Document is { } read && result.Diagnostic?.SpecificationVersion == OpenApiSpecVersion.OpenApi2_0)
            {
                SwaggerCollectionFormat.Restore(read, System.Text.Encoding.UTF8.GetString(bytes));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or OpenApiException or FormatException
            or InvalidOperationException or ArgumentException or System.Text.Json.JsonException)
        {
            // The reader throws (without a pointer) for a few malformed values, e.g. "required: maybe".
            errors.Add($"{displayPath}: cannot read the OpenAPI document: {ex.Message}");
            return null;
        }

        var problems = (result.Diagnostic?.Errors ?? []).Where(e => !IsDocumentationOnly(e) && !IsUnknownField(e)).ToList();
        warnings.AddRange((result.Diagnostic?.Errors ?? []).Where(IsUnknownField).Select(e => $"{displayPath}: {e.Message}; ignored."));
        foreach (var error in problems)
        {
            errors.Add(string.IsNullOrEmpty(error.Pointer) ? $"{displayPath}: {error.Message}" : $"{displayPath}: {error.Pointer}: {error.Message}");
        }

        if (result.Document is null && problems.Count == 0)
        {
            errors.Add($"{displayPath}: not an OpenAPI document.");
        }

        return problems.Count > 0 ? null : result.Document;
    }

    // Unknown fields change nothing the gateway reads, and the reader does not know every valid one (Swagger 2.0's
    // parameter maxItems), so they are warned about, not refused.
    private static bool IsUnknownField(OpenApiError error) => error.Message.Contains(" is not a valid property at ", StringComparison.Ordinal);

    // A missing title, version or description changes nothing the gateway does; refusing to start for it would only
    // make users edit documents they do not own.
    private static bool IsDocumentationOnly(OpenApiError error) =>
        error.Message.EndsWith("is REQUIRED.", StringComparison.Ordinal)
        && (error.Pointer is "#/info" or "#/info/title" or "#/info/version" || error.Pointer?.EndsWith("/description", StringComparison.Ordinal) == true);
}
