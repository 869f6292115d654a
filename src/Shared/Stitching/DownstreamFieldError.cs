namespace Bff.Stitching;

/// <summary>
/// An error a downstream reported next to its data (a remote GraphQL service's <c>errors</c>): the field keeps the data
/// it got, and the error is reported under it.
/// </summary>
/// <param name="Message">The message, safe for clients.</param>
/// <param name="Path">Where the error is, relative to the downstream response body (names and list indexes).</param>
/// <param name="Code">The <c>extensions.code</c> the client sees (a <c>DOWNSTREAM_*</c> code).</param>
/// <param name="Extensions">The extensions beside the code (e.g. <c>source</c>, <c>remoteCode</c>).</param>
public sealed record DownstreamFieldError(string Message, IReadOnlyList<object> Path, string Code, IReadOnlyDictionary<string, object?> Extensions)
{
    /// <summary>Gets a copy whose path is relative to <paramref name="prefix"/> (which the path starts with), or <see langword="null"/> when it does not.</summary>
    public DownstreamFieldError? Under(IReadOnlyList<object> prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (Path.Count < prefix.Count || !prefix.Select(Text).SequenceEqual(Path.Take(prefix.Count).Select(Text), StringComparer.Ordinal))
        {
            return null;
        }

        return this with { Path = [.. Path.Skip(prefix.Count)] };
    }

    private static string Text(object segment) => Convert.ToString(segment, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
