namespace Bff.Operations;

/// <summary>A request refused before any GraphQL processing.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Code">The error's <c>extensions.code</c>.</param>
/// <param name="Message">A client-safe message.</param>
/// <param name="Extensions">Extensions added beside the code (e.g. a limit's value).</param>
public sealed record RequestRefusal(int Status, string Code, string Message, IReadOnlyDictionary<string, object?>? Extensions = null);
