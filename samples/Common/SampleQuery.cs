using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Bff.Samples.Common;

/// <summary>Query-string parsing that turns bad input into problem responses instead of empty 400s.</summary>
public static class SampleQuery
{
    /// <summary>Reads an optional integer query parameter within bounds.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="defaultValue">The value when the parameter is absent.</param>
    /// <param name="min">The smallest value accepted.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <param name="value">The value read, or <paramref name="defaultValue"/>.</param>
    /// <param name="problem">A 400 problem when the value is not an integer within bounds.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is usable.</returns>
    public static bool TryGetInt(
        HttpRequest request, string name, int defaultValue, int min, int max, out int value, out IResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        value = defaultValue;
        problem = null;
        if (!request.Query.TryGetValue(name, out var raw))
        {
            return true;
        }

        if (int.TryParse(raw.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max)
        {
            return true;
        }

        problem = SampleResults.Problem(
            StatusCodes.Status400BadRequest,
            string.Create(CultureInfo.InvariantCulture, $"'{name}' must be an integer from {min} to {max}."));
        return false;
    }

    /// <summary>Reads an optional string query parameter; empty counts as absent.</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static string? GetString(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// Splits comma-separated id lists, accepting both <c>ids=a,b</c> and <c>ids=a&amp;ids=b</c>;
    /// trims, drops empties and duplicates, keeps first-seen order.
    /// </summary>
    /// <param name="values">The raw query values.</param>
    /// <returns>The distinct ids.</returns>
    public static List<string> SplitIds(IEnumerable<string?> values) =>
        values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
