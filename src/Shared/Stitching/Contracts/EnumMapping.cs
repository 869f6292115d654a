using Bff.Stitching.Execution;
using GraphQL.Types;

namespace Bff.Stitching.Contracts;

/// <summary>
/// Pairs the values of a contract enum with those of a GraphQL enum at start-up: the same name (case and dashes
/// ignored) first, else the name without the contract enum's own prefix (<see cref="ContractShape.ValuePrefix"/>).
/// Anything else — no partner, or two — is a start-up error, so no value is ever sent or returned as another.
/// </summary>
internal static class EnumMapping
{
    /// <summary>Gets the protobuf value prefix of an enum: its name in SCREAMING_SNAKE_CASE and <c>_</c>.</summary>
    public static string ProtoPrefix(string enumFullName) =>
        JsonPath.ToSnakeCase(enumFullName[(enumFullName.LastIndexOf('.') + 1)..]).ToUpperInvariant() + "_";

    /// <summary>Checks that each value of <paramref name="contract"/> is one value of <paramref name="enumeration"/>, and records the prefixed ones.</summary>
    public static IEnumerable<string> CheckOutput(ContractShape contract, EnumerationGraphType enumeration, string where)
    {
        foreach (var value in contract.EnumValues)
        {
            var partners = Partners(Normalized(enumeration.Values.Select(v => v.Name)), value, contract.ValuePrefix);
            if (partners.Count > 1)
            {
                yield return $"enum value '{value}' of {contract.Name} ({where}) could be {string.Join(" or ", partners)} of GraphQL enum {enumeration.Name}; rename one.";
            }
            else if (partners.Count == 0 && !value.EndsWith("_UNSPECIFIED", StringComparison.Ordinal))
            {
                yield return $"enum value '{value}' of {contract.Name} ({where}) has no value in GraphQL enum {enumeration.Name}; add it.";
            }
            else if (partners.Count == 1 && EnumMatcher.Match(value, enumeration) != partners[0]
                && EnumMatcher.Record(enumeration, value, partners[0]) is { } other)
            {
                yield return $"enum value '{value}' of {contract.Name} ({where}) means {partners[0]} here but {other} for another source of GraphQL enum {enumeration.Name}.";
            }
        }
    }

    /// <summary>Gets, for each value of <paramref name="enumeration"/>, the <paramref name="contract"/> value to send.</summary>
    public static Dictionary<string, string> MapInput(ContractShape contract, EnumerationGraphType enumeration, string what, List<string> errors)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in enumeration.Values.Select(v => v.Name))
        {
            var normalized = EnumMatcher.Normalize(value);
            var exact = contract.EnumValues.Where(c => EnumMatcher.Normalize(c) == normalized).ToList();
            var chosen = exact.Count > 0 || contract.ValuePrefix is not { } prefix
                ? exact
                : contract.EnumValues.Where(c => EnumMatcher.Normalize(c) == prefix + normalized).ToList();
            if (chosen.Count == 1)
            {
                names[value] = chosen[0];
            }
            else
            {
                errors.Add(chosen.Count == 0
                    ? $"{what}: GraphQL enum value {enumeration.Name}.{value} has no value in {contract.Name} (values: {string.Join(", ", contract.EnumValues)}); remove it or add it downstream."
                    : $"{what}: GraphQL enum value {enumeration.Name}.{value} could be {string.Join(" or ", chosen)} of {contract.Name}.");
            }
        }

        return names;
    }

    private static Dictionary<string, List<string>> Normalized(IEnumerable<string> names) =>
        names.GroupBy(EnumMatcher.Normalize).ToDictionary(g => g.Key, g => g.ToList());

    private static List<string> Partners(Dictionary<string, List<string>> graphQL, string contractValue, string? prefix)
    {
        var normalized = EnumMatcher.Normalize(contractValue);
        if (graphQL.TryGetValue(normalized, out var exact))
        {
            return exact;
        }

        return prefix is not null && normalized.StartsWith(prefix, StringComparison.Ordinal)
            && graphQL.TryGetValue(normalized[prefix.Length..], out var stripped) ? stripped : [];
    }
}
