using GraphQL.Types;

namespace Bff.Stitching.Bindings;

/// <summary>Reads the arguments of a binding directive, for the shared reader and each protocol's.</summary>
public static class BindingArguments
{
    /// <summary>Gets the string value of argument <paramref name="name"/> of a binding directive, or <see langword="null"/>.</summary>
    public static string? Text(AppliedDirective directive, string name)
    {
        ArgumentNullException.ThrowIfNull(directive);
        return directive.FindArgument(name)?.Value as string;
    }

    /// <summary>Splits a dotted path; an empty or missing path selects the whole value.</summary>
    public static IReadOnlyList<string> SplitPath(string? path) =>
        string.IsNullOrWhiteSpace(path) ? [] : path.Split('.', StringSplitOptions.TrimEntries);
}
