using Bff.Auth;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bff.Session;

/// <summary>
/// The sign-in scheme behind the OIDC login: signing in stores the user's claims and tokens in the
/// <see cref="SessionStore"/> and sets the session cookie; authenticating reads them back; signing out ends the session.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory loggers, UrlEncoder encoder,
    SessionStore store, WebSessionOptions session, AuthOptions auth, TimeProvider time)
    : SignInAuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggers, encoder)
{
    private WebSessionOptions Session => session;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (SessionCookie.Read(Request, Session) is not { } id)
        {
            return AuthenticateResult.NoResult();
        }

        var record = await store.FindAsync(id).ConfigureAwait(false);
        if (record is null || !string.Equals(record.Host, Request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var properties = new AuthenticationProperties();
        properties.StoreTokens(record.IdToken is { } idToken ? [new AuthenticationToken { Name = "id_token", Value = idToken }] : []);
        return AuthenticateResult.Success(new AuthenticationTicket(SessionClaims.Principal(record, auth.RoleClaim), properties, Scheme.Name));
    }

    protected override async Task HandleSignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties)
    {
        var accessToken = properties?.GetTokenValue("access_token")
            ?? throw new InvalidOperationException("The provider returned no access token.");
        var now = time.GetUtcNow();
        var expiresAt = DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : now.AddMinutes(5);
        var record = new SessionRecord
        {
            Subject = user.FindFirst("sub")?.Value ?? throw new InvalidOperationException("The id token has no 'sub'."),
            ProviderSessionId = user.FindFirst("sid")?.Value,
            Host = Request.Host.Value ?? "",
            Claims = SessionClaims.From(user, accessToken, auth.RoleClaim),
            AccessToken = accessToken,
            AccessTokenExpiresAt = expiresAt,
            RefreshToken = properties.GetTokenValue("refresh_token"),
            IdToken = properties.GetTokenValue("id_token"),
            AbsoluteExpiresAt = now + Session.AbsoluteTimeout,
        };

        // A session already in this browser ends: signing in never reuses an id (no session fixation).
        await HandleSignOutAsync(null).ConfigureAwait(false);
        var id = SessionStore.NewId();
        await store.SaveAsync(id, record).ConfigureAwait(false);
        SessionCookie.Write(Response, Session, id, record.AbsoluteExpiresAt);
        SessionLog.SignedIn(Logger, record.Subject, store.IsShared ? "Redis" : "memory");
    }

    protected override async Task HandleSignOutAsync(AuthenticationProperties? properties)
    {
        if (SessionCookie.Read(Request, Session) is not { } id)
        {
            return;
        }

        if (await store.FindAsync(id).ConfigureAwait(false) is { } record)
        {
            await store.RemoveAsync(id, record).ConfigureAwait(false);
            SessionLog.SignedOut(Logger, record.Subject);
        }

        SessionCookie.Delete(Response, Session);
    }
}
