using GraphQL.Types;

namespace Bff.Stitching.Execution;

/// <summary>
/// Maps downstream enum names to GraphQL enum values. An exact name always wins; then the name with case and dashes
/// ignored (<c>in-progress</c> → <c>IN_PROGRESS</c>); then the names start-up recorded for the enum from its
/// contracts (a protobuf value without its enum's own prefix: <c>PROPOSAL_STATUS_PENDING</c> → <c>PENDING</c>).
/// Never a suffix match: <c>NOT_SERVING</c> is not <c>SERVING</c>.
/// </summary>
public static class EnumMatcher
{
    private const string MetadataKey = "bff:downstreamNames";

    /// <summary>Gets the GraphQL value name for <paramref name="downstream"/>, or <see langword="null"/> when none matches.</summary>
    public static string? Match(string downstream, EnumerationGraphType enumeration)
    {
        var normalized = Normalize(downstream);
        string? loose = null;
        foreach (var value in enumeration.Values)
        {
            if (value.Name == downstream)
            {
                return value.Name;
            }

            if (loose is null && Normalize(value.Name) == normalized)
            {
                loose = value.Name;
            }
        }

        return loose ?? Recorded(enumeration)?.GetValueOrDefault(normalized);
    }

    /// <summary>Upper-cases <paramref name="name"/> and turns dashes into underscores.</summary>
    public static string Normalize(string name) => name.Replace('-', '_').ToUpperInvariant();

    /// <summary>Records that downstream name <paramref name="downstream"/> means GraphQL value <paramref name="graphQLName"/>.</summary>
    /// <returns>The value it already meant when that differs (an ambiguity), else <see langword="null"/>.</returns>
    internal static string? Record(EnumerationGraphType enumeration, string downstream, string graphQLName)
    {
        if (Recorded(enumeration) is not { } names)
        {
            names = new Dictionary<string, string>(StringComparer.Ordinal);
            enumeration.Metadata[MetadataKey] = names;
        }

        var key = Normalize(downstream);
        if (names.TryGetValue(key, out var existing) && existing != graphQLName)
        {
            return existing;
        }

        names[key] = graphQLName;
        return null;
    }

    private static Dictionary<string, string>? Recorded(EnumerationGraphType enumeration) =>
        enumeration.GetMetadata<Dictionary<string, string>>(MetadataKey);
}
