using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Session;

/// <summary>The browser-facing endpoints of session mode: login, logout and the signed-in user.</summary>
internal static class SessionEndpoints
{
    /// <summary><c>GET /bff/login?returnUrl=/path</c>: starts the OIDC login (code + PKCE); only local return URLs.</summary>
    public static IResult Login(HttpContext context, string? returnUrl) =>
        ReturnUrls.Resolve(returnUrl) is { } target
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [SessionDefaults.OidcScheme])
            : InvalidReturnUrl();

    /// <summary>
    /// <c>GET /bff/logout?sid=…&amp;returnUrl=/path</c>: ends the session here and at the provider (RP-initiated logout).
    /// The <c>sid</c> (from <c>/bff/user</c>) proves the request comes from the app, not from a cross-site link or image.
    /// </summary>
    public static async Task<IResult> LogoutAsync(HttpContext context, string? sid, string? returnUrl, SessionStore store, WebSessionOptions options)
    {
        if (ReturnUrls.Resolve(returnUrl) is not { } target)
        {
            return InvalidReturnUrl();
        }

        var id = SessionCookie.Read(context.Request, options);
        var record = id is null ? null : await store.FindAsync(id).ConfigureAwait(false);
        if (record is null)
        {
            SessionCookie.Delete(context.Response, options);
            return Results.LocalRedirect(target);
        }

        if (sid is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sid), Encoding.UTF8.GetBytes(LogoutId(id!))))
        {
            return Results.Json(new { code = "LOGOUT_ID_REQUIRED", message = "Log out with the logoutUrl that /bff/user returns." }, statusCode: StatusCodes.Status400BadRequest);
        }

        // The OIDC handler reads the id token (as id_token_hint) from the session before it ends.
        await context.SignOutAsync(SessionDefaults.OidcScheme, new AuthenticationProperties { RedirectUri = target }).ConfigureAwait(false);
        await context.SignOutAsync(SessionDefaults.Scheme).ConfigureAwait(false);
        return Results.Empty;
    }

    /// <summary><c>GET /bff/user</c> with the CSRF header: the user's claims and the logout URL, or 401.</summary>
    public static async Task<IResult> UserAsync(HttpContext context, SessionAuthenticator sessions, WebSessionOptions options)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (SessionCookie.Read(context.Request, options) is not { } id)
        {
            return Results.Json(new { code = ErrorCodes.SessionEnded, message = "Not signed in." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var (record, refusal) = await sessions.FindAsync(context).ConfigureAwait(false);
        if (record is null)
        {
            return Results.Json(new { code = refusal!.Code, message = refusal.Message }, statusCode: refusal.Status);
        }

        return Results.Json(new
        {
            claims = record.Claims.Select(c => new { type = c[0], value = c[1] }),
            logoutUrl = $"{options.BasePath}/logout?sid={LogoutId(id)}",
            expiresAt = record.AbsoluteExpiresAt,
        });
    }

    /// <summary>A value derived from the session id that script can learn only from <c>/bff/user</c> (same-origin, CSRF header).</summary>
    internal static string LogoutId(string id) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes("logout:" + id)))[..22];

    private static IResult InvalidReturnUrl() =>
        Results.Json(new { code = "INVALID_RETURN_URL", message = "returnUrl must be a path of this site (starting with a single '/')." },
            statusCode: StatusCodes.Status400BadRequest);
}
