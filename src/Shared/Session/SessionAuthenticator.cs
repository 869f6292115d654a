using Bff.Operations;
using Bff.Auth;
using Microsoft.AspNetCore.Http;

namespace Bff.Session;

/// <summary>
/// Authenticates a GraphQL request by its session cookie: the CSRF header first (a cross-site form, image or script
/// cannot send it without a preflight), then the session, refreshed when its access token is about to expire. The
/// session's access token then travels exactly as a bearer token would (<c>Auth:Mode: Forward</c>).
/// </summary>
public sealed class SessionAuthenticator
{
    private readonly SessionStore _store;
    private readonly TokenRefresher _refresher;
    private readonly WebSessionOptions _options;
    private readonly string _roleClaim;

    /// <summary>Creates the authenticator.</summary>
    public SessionAuthenticator(SessionStore store, TokenRefresher refresher, WebSessionOptions options, AuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _refresher = refresher;
        _options = options;
        _roleClaim = auth.RoleClaim;
    }

    /// <summary>Whether the request is a cookie request: a session cookie and no <c>Authorization</c> header (which makes it a bearer request).</summary>
    public bool Applies(HttpRequest request) =>
        request.Headers.Authorization.Count == 0 && SessionCookie.Read(request, _options) is not null;

    /// <summary>Authenticates a cookie request; sets <see cref="HttpContext.User"/> and returns the access token, or the refusal.</summary>
    public async Task<(string? Token, RequestRefusal? Refusal)> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (record, refusal) = await FindAsync(context).ConfigureAwait(false);
        if (record is null)
        {
            return (null, refusal);
        }

        context.User = SessionClaims.Principal(record, _roleClaim);
        return (record.AccessToken, null);
    }

    /// <summary>Finds the live session of a cookie request (CSRF header checked, tokens refreshed), or the refusal.</summary>
    internal async Task<(SessionRecord? Record, RequestRefusal? Refusal)> FindAsync(HttpContext context)
    {
        var request = context.Request;
        if (!string.Equals(request.Headers[_options.CsrfHeader].ToString(), _options.CsrfValue, StringComparison.Ordinal))
        {
            return (null, new(StatusCodes.Status403Forbidden, ErrorCodes.CsrfHeaderRequired,
                $"Requests authenticated by the session cookie must carry the header '{_options.CsrfHeader}: {_options.CsrfValue}'."));
        }

        var id = SessionCookie.Read(request, _options)!;
        try
        {
            var record = await _store.FindAsync(id).ConfigureAwait(false);
            if (record is null || !string.Equals(record.Host, request.Host.Value, StringComparison.OrdinalIgnoreCase))
            {
                SessionCookie.Delete(context.Response, _options);
                return (null, new(StatusCodes.Status401Unauthorized, ErrorCodes.SessionEnded,
                    $"The session has ended or is not valid here; sign in again at {_options.BasePath}/login."));
            }

            var refreshed = await _refresher.EnsureFreshAsync(id, record).ConfigureAwait(false);
            if (refreshed is null)
            {
                SessionCookie.Delete(context.Response, _options);
                return (null, new(StatusCodes.Status401Unauthorized, ErrorCodes.SessionRefreshFailed,
                    $"The session's tokens could not be renewed, so the session has ended; sign in again at {_options.BasePath}/login."));
            }

            return (refreshed, null);
        }
        catch (SessionStoreUnavailableException)
        {
            context.Response.Headers.RetryAfter = "5";
            return (null, new(StatusCodes.Status503ServiceUnavailable, ErrorCodes.SessionStoreUnavailable,
                "Sessions are unavailable right now; try again shortly."));
        }
    }
}
