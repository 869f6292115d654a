using Bff.Operations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Bff.Auth;

/// <summary>
/// Reads the bearer token of a request and decides what a GraphQL request with it may do: no token is anonymous,
/// a valid one authenticates, anything else (malformed header, invalid token, a token in the URL) is refused.
/// </summary>
public static class BearerTokens
{
    /// <summary>Gets the token of a well-formed <c>Authorization: Bearer …</c> header, else <see langword="null"/>.</summary>
    public static string? FromHeader(HttpRequest request)
    {
        var values = request.Headers.Authorization;
        if (values.Count != 1 || values[0] is not { } header || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[7..].Trim();
        return token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) ? null : token;
    }

    /// <summary>
    /// Authenticates the request: <c>(null, null)</c> for an anonymous request, <c>(token, null)</c> for a valid token,
    /// else the refusal (400 for a token in the URL, 401 with <c>WWW-Authenticate</c> for anything else).
    /// </summary>
    public static async Task<(string? Token, Operations.RequestRefusal? Refusal)> AuthenticateAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Query.ContainsKey("access_token"))
        {
            return (null, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "Access tokens are not accepted in the URL; send them in the Authorization header."));
        }

        if (request.Headers.Authorization.Count == 0)
        {
            return (null, null);
        }

        var token = FromHeader(request);
        if (token is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_request\"";
            return (null, new(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                "The Authorization header must be 'Bearer <token>'."));
        }

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return (null, new(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthenticated,
                "The bearer token is invalid or expired."));
        }

        context.User = result.Principal;
        return (token, null);
    }

    /// <summary>JwtBearer's message hook: takes the token from the header and, for an unknown <c>kid</c>, refreshes the keys first.</summary>
    internal static async Task OnMessageReceivedAsync(MessageReceivedContext context, SigningKeyCache keys)
    {
        var token = FromHeader(context.Request);
        if (token is null)
        {
            context.NoResult();
            return;
        }

        context.Token = token;
        string? keyId = null;
        try
        {
            keyId = new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            // Not a JWT: validation will refuse it; no reason to fetch keys.
            return;
        }

        await keys.EnsureAsync(string.IsNullOrEmpty(keyId) ? null : keyId, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
