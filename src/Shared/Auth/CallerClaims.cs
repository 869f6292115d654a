using System.Security.Claims;

namespace Bff.Auth;

/// <summary>Reads scopes and the bearer token of a caller.</summary>
public static class CallerClaims
{
    /// <summary>The claims scopes are read from: <c>scope</c> (OAuth 2.0, space-separated) and <c>scp</c> (Microsoft Entra).</summary>
    public static readonly IReadOnlyList<string> ScopeClaims = ["scope", "scp"];

    /// <summary>Gets every scope granted to <paramref name="user"/>.</summary>
    public static IEnumerable<string> Scopes(ClaimsPrincipal user) =>
        user.Claims
            .Where(c => ScopeClaims.Contains(c.Type, StringComparer.Ordinal))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Whether <paramref name="user"/> was granted <paramref name="scope"/>.</summary>
    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        Scopes(user).Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="user"/> is authenticated.</summary>
    public static bool IsAuthenticated(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true;
}
