using GraphQL.Types;

namespace Bff.Stitching.Execution;

/// <summary>
/// Maps downstream enum names to GraphQL enum values: case and dashes are ignored, and a protobuf-style prefix
/// (<c>PROPOSAL_STATUS_PENDING</c> → <c>PENDING</c>) is dropped.
/// </summary>
public static class EnumMatcher
{
    /// <summary>Gets the GraphQL value name for <paramref name="downstream"/>, or <see langword="null"/> when none matches.</summary>
    public static string? Match(string downstream, EnumerationGraphType enumeration)
    {
        var normalized = downstream.Replace('-', '_').ToUpperInvariant();
        foreach (var value in enumeration.Values)
        {
            if (value.Name == normalized || normalized.EndsWith("_" + value.Name, StringComparison.Ordinal))
            {
                return value.Name;
            }
        }

        return null;
    }
}
