using System.Text.RegularExpressions;

namespace Bff.Http;

/// <summary>Removes GraphQL.NET's "Did you mean …?" hints, which reveal field and type names when introspection is off.</summary>
internal static partial class Suggestions
{
    public static string Remove(string message) => DidYouMean().Replace(message, "").TrimEnd();

    [GeneratedRegex(@"\s*Did you mean\b.*$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex DidYouMean();
}
