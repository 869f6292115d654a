namespace Bff.Stitching.Contracts;

/// <summary>A parameter of an OpenAPI operation.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="In"><c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</param>
/// <param name="Required">Whether the operation requires it.</param>
/// <param name="Shape">The parameter's schema.</param>
/// <param name="Style">
/// How its value is written into the URL, in OpenAPI's words: <c>form</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c>,
/// <c>deepObject</c> (query), <c>simple</c>, <c>label</c>, <c>matrix</c> (path); <see langword="null"/> for the location's default.
/// </param>
/// <param name="Explode">Whether a list or object is written as several values (OpenAPI <c>explode</c>, its default filled in).</param>
public sealed record OpenApiParameter(string Name, string In, bool Required, ContractShape Shape, string? Style = null, bool Explode = false);

/// <summary>One operation of an OpenAPI document, as far as bindings need it.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path template, e.g. <c>/jobs/{id}</c>.</param>
/// <param name="Parameters">The operation's parameters (path-level ones included).</param>
/// <param name="Response">The JSON schema of the success response, or <see cref="ContractShape.Anything"/>.</param>
/// <param name="RequestBody">The JSON schema of the request body, if any.</param>
/// <param name="OperationId">The operation's <c>operationId</c>, if any.</param>
/// <param name="Security">The alternatives of request headers its <c>security</c> requirement asks for (empty: none).</param>
public sealed record OpenApiOperation(
    string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, ContractShape Response, ContractShape? RequestBody,
    string? OperationId = null, IReadOnlyList<IReadOnlyList<string>>? Security = null)
{
    /// <summary>Gets the name credentials are restricted by: the <c>operationId</c>, else <c>METHOD /path</c>.</summary>
    public string Name => OperationId ?? $"{Method} {Path}";

    /// <summary>Gets the path with every variable replaced by <c>{}</c>, for matching binding paths.</summary>
    public string PathShape { get; } = Normalize(Path);

    /// <summary>Replaces every <c>{…}</c> in <paramref name="path"/> by <c>{}</c>.</summary>
    public static string Normalize(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.TrimEnd('/'), "\\{[^}]*\\}", "{}");
}
