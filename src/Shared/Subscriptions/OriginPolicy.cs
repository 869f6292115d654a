using Microsoft.AspNetCore.Http;

namespace Bff.Subscriptions;

/// <summary>
/// Which browser pages may open a WebSocket: a handshake carries cookies but cannot be preflighted, so a page of any
/// other site could otherwise act as the signed-in user (cross-site WebSocket hijacking). No <c>Origin</c> means no browser.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly HashSet<string> _allowed;

    public OriginPolicy(SubscriptionOptions options) =>
        _allowed = options.AllowedOrigins.Select(o => TryNormalize(o, out var origin) ? origin : o).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the request's <c>Origin</c> (if any) may open a WebSocket here.</summary>
    public bool Allows(HttpRequest request)
    {
        var header = request.Headers.Origin.ToString();
        if (header.Length == 0)
        {
            return true;
        }

        if (!TryNormalize(header, out var origin))
        {
            return false;
        }

        return _allowed.Count > 0
            ? _allowed.Contains(origin)
            : Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads <c>scheme://host[:port]</c> (no path, query or user info) as its canonical text.</summary>
    public static bool TryNormalize(string value, out string origin)
    {
        origin = "";
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.UserInfo.Length > 0 || value.TrimEnd('/').Length < value.Length - 1)
        {
            return false;
        }

        origin = uri.GetLeftPart(UriPartial.Authority);
        return true;
    }
}
