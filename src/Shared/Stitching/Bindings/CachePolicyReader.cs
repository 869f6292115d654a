using System.Globalization;
using Bff.Caching;
using GraphQL;
using GraphQL.Types;

namespace Bff.Stitching.Bindings;

/// <summary>Reads and checks <c>@cache(maxAge:, scope:)</c> on a field.</summary>
public static class CachePolicyReader
{
    /// <summary>The longest <c>maxAge</c> accepted, in seconds (one day).</summary>
    public const int MaxAgeLimit = 86_400;

    /// <summary>Returns whether <paramref name="field"/> carries <c>@cache</c>.</summary>
    public static bool HasCache(FieldType field) => field.GetAppliedDirectives()?.Find("cache") is not null;

    /// <summary>
    /// Reads the policy of a bound field, or returns <see langword="null"/> when it has none; problems go to
    /// <paramref name="errors"/>.
    /// </summary>
    public static CachePolicy? Read(IComplexGraphType type, FieldType field, List<string> errors)
    {
        var applied = field.GetAppliedDirectives()?.Find("cache");
        if (applied is null)
        {
            return null;
        }

        if (type.Name == "Mutation")
        {
            errors.Add("@cache does not apply to mutations: their calls change data and must always reach the source");
            return null;
        }

        var maxAge = Convert.ToInt32(applied.FindArgument("maxAge")?.Value ?? 0, CultureInfo.InvariantCulture);
        if (maxAge is <= 0 or > MaxAgeLimit)
        {
            errors.Add($"@cache maxAge must be between 1 and {MaxAgeLimit} seconds (got {maxAge})");
            return null;
        }

        var scopeText = applied.FindArgument("scope")?.Value?.ToString() ?? "PUBLIC";
        var scope = string.Equals(scopeText, "PRIVATE", StringComparison.OrdinalIgnoreCase) ? CacheScope.Private : CacheScope.Public;
        return new CachePolicy(TimeSpan.FromSeconds(maxAge), scope);
    }
}
