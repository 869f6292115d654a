using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Bff.Session;

/// <summary>
/// The claims a session carries: the id token's (who the user is) plus the access token's <c>scope</c> and role
/// claims, so field authorization sees what it sees for a bearer request with the same access token.
/// </summary>
internal static class SessionClaims
{
    /// <summary>Protocol claims of the id token that say nothing about the user.</summary>
    private static readonly HashSet<string> Protocol = new(StringComparer.Ordinal) { "nonce", "at_hash", "c_hash", "aud", "iss", "iat", "exp", "nbf", "azp" };

    public static List<string[]> From(ClaimsPrincipal user, string accessToken, string roleClaim)
    {
        var claims = user.Claims.Where(c => !Protocol.Contains(c.Type)).Select(c => new[] { c.Type, c.Value }).ToList();
        JsonWebToken? access = null;
        try
        {
            access = new JsonWebToken(accessToken);
        }
        catch (ArgumentException)
        {
            // An opaque access token: the id token's claims are all the session knows.
        }

        foreach (var type in Auth.CallerClaims.ScopeClaims.Append(roleClaim))
        {
            if (access is not null && !claims.Any(c => c[0] == type))
            {
                claims.AddRange(access.Claims.Where(c => c.Type == type).Select(c => new[] { c.Type, c.Value }));
            }
        }

        return claims;
    }

    public static ClaimsPrincipal Principal(SessionRecord record, string roleClaim) =>
        new(new ClaimsIdentity(record.Claims.Select(c => new Claim(c[0], c[1])), SessionDefaults.Scheme, "sub", roleClaim));
}
