using System.Text.Json.Nodes;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Turns a remote service's GraphQL errors into ours: coded <c>DOWNSTREAM_ERROR</c> with the source, the remote
/// <c>extensions.code</c> kept as <c>remoteCode</c>, and the remote path kept (re-rooted under our field by the caller).
/// The remote message reaches clients only when the source's <see cref="SourceOptions.ExposeErrorMessages"/> says so:
/// like a downstream body, it may say more than a client should see.
/// </summary>
internal static class RemoteErrors
{
    /// <summary>Gets the errors of an answer that has data, each with its path in the answer (<c>data</c>, then the remote path).</summary>
    public static IReadOnlyList<DownstreamFieldError> Read(string source, JsonNode? body, bool expose)
    {
        if (body?["errors"] is not JsonArray errors || errors.Count == 0)
        {
            return [];
        }

        return [.. errors.OfType<JsonObject>().Select(e => new DownstreamFieldError(
            Message(source, e, expose),
            e["path"] is JsonArray path ? ["data", .. path.Select(Segment)] : [],
            ErrorCodes.DownstreamError,
            Extensions(source, e)))];
    }

    /// <summary>The failure of an answer without data: the remote's first error, or the HTTP status.</summary>
    public static DownstreamFailure Failure(string source, string status, Bindings.FieldBinding binding, JsonNode? body, bool expose)
    {
        var first = (body?["errors"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var failure = DownstreamErrors.Error(source, status, first is null
            ? $"{source} answered {status} to {binding.Operation}."
            : Message(source, first, expose));
        if (first?["extensions"]?["code"] is { } code)
        {
            return new DownstreamFailure(failure.Code!, failure.Message, source,
                new Dictionary<string, object?>(failure.ExtraExtensions) { ["remoteCode"] = code.ToString() }, failure.Transient, requestSent: true);
        }

        return failure;
    }

    private static string Message(string source, JsonObject error, bool expose) => expose
        ? $"{source}: {(string?)error["message"] ?? "error"}"
        : error["extensions"]?["code"] is { } code ? $"{source} reported an error ({code})." : $"{source} reported an error.";

    private static Dictionary<string, object?> Extensions(string source, JsonObject error)
    {
        var extensions = new Dictionary<string, object?> { ["source"] = source };
        if (error["extensions"]?["code"] is { } code)
        {
            extensions["remoteCode"] = code.ToString();
        }

        return extensions;
    }

    private static object Segment(JsonNode? segment) =>
        segment is JsonValue value && value.TryGetValue<int>(out var index) ? index : segment?.ToString() ?? "";
}
