namespace Bff.Stitching.Rest;

/// <summary>
/// Puts a caller's value into a URL path so that it stays data: <c>/</c> and <c>%</c> are escaped, and values that
/// would change which operation is called — empty, <c>.</c> and <c>..</c>, also when percent-encoded (<c>%2e</c>) —
/// are refused. <see cref="Uri.EscapeDataString(string)"/> leaves dots alone and <see cref="Uri"/> removes dot
/// segments (RFC 3986), so <c>/jobs/{id}</c> with <c>.</c> would call <c>GET /jobs/</c>, the list.
/// </summary>
internal static class PathSegment
{
    /// <summary>Escapes <paramref name="value"/> for a path, or throws <c>BAD_USER_INPUT</c> when it is not a segment.</summary>
    /// <param name="value">The value, as the caller sent it.</param>
    /// <param name="placeholder">The placeholder it fills, e.g. <c>{args.id}</c>, for the message.</param>
    public static string Escape(string value, string placeholder)
    {
        if (IsDotSegment(value))
        {
            throw new BffError(ErrorCodes.BadUserInput,
                $"The value for {placeholder} is not allowed in a URL path: it must not be empty, '.' or '..'.");
        }

        return Uri.EscapeDataString(value);
    }

    private static bool IsDotSegment(string value)
    {
        // Decode until nothing changes, so '%2e', '%2E%2e' and '%252e' are seen for what a server may make of them.
        for (var i = 0; i < 4; i++)
        {
            if (value is "" or "." or "..")
            {
                return true;
            }

            var decoded = Uri.UnescapeDataString(value);
            if (decoded == value)
            {
                return false;
            }

            value = decoded;
        }

        return true;
    }
}
