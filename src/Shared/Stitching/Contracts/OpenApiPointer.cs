namespace Bff.Stitching.Contracts;

/// <summary>Builds JSON pointers (RFC 6901) into an OpenAPI document, for messages.</summary>
internal static class OpenApiPointer
{
    /// <summary>Escapes one step of a pointer: <c>~</c> as <c>~0</c>, <c>/</c> as <c>~1</c>.</summary>
    public static string Escape(string step) =>
        step.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
