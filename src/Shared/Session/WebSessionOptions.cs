using Microsoft.AspNetCore.Http;

namespace Bff.Session;

/// <summary>
/// Web session mode (<c>Bff:Session</c>): the host runs the OpenID Connect login itself, keeps the tokens in a
/// server-side session store and gives the browser only an HTTP-only <c>__Host-</c> cookie. Off by default; bearer
/// requests (with <c>Authorization</c>) keep working unchanged beside it.
/// </summary>
public sealed class WebSessionOptions
{
    /// <summary>Gets or sets a value indicating whether session mode is on.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the OpenID Connect provider's base address (discovery at <c>/.well-known/openid-configuration</c>).</summary>
    /// <value>Defaults to <c>Bff:Auth:Authority</c>.</value>
    public Uri? Authority { get; set; }

    /// <summary>Gets or sets the client id registered at the provider; also the required <c>aud</c> of logout tokens.</summary>
    /// <value>Required when <see cref="Enabled"/>.</value>
    public string? ClientId { get; set; }

    /// <summary>Gets or sets the client secret, for a confidential client (PKCE is used either way).</summary>
    /// <value>Not set by default.</value>
    public string? ClientSecret { get; set; }

    /// <summary>Gets the scopes asked for at login.</summary>
    /// <value>Defaults to <c>openid profile offline_access</c> when empty.</value>
    public List<string> Scopes { get; } = [];

    /// <summary>Gets or sets the path prefix of the session endpoints (<c>login</c>, <c>logout</c>, <c>user</c>, <c>backchannel-logout</c>).</summary>
    /// <value>Defaults to <c>/bff</c>.</value>
    public string BasePath { get; set; } = "/bff";

    /// <summary>Gets or sets the session cookie's name; it must start with <c>__Host-</c>.</summary>
    /// <value>Defaults to <c>__Host-bff-session</c>.</value>
    public string CookieName { get; set; } = "__Host-bff-session";

    /// <summary>Gets or sets the cookie's SameSite mode: <c>Lax</c> or <c>Strict</c>.</summary>
    /// <value>Defaults to <c>Lax</c> (Strict drops the cookie on the first navigation from another site).</value>
    public SameSiteMode SameSite { get; set; } = SameSiteMode.Lax;

    /// <summary>Gets or sets how long an unused session lives (sliding; every request extends it).</summary>
    /// <value>Defaults to 30 minutes.</value>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Gets or sets how long a session lives at most, however often it is used.</summary>
    /// <value>Defaults to 8 hours.</value>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Gets or sets how long before the access token expires it is refreshed with the refresh token.</summary>
    /// <value>Defaults to 60 seconds.</value>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the header every cookie-authenticated GraphQL request must carry (a cross-site form cannot send it).</summary>
    /// <value>Defaults to <c>X-CSRF</c>.</value>
    public string CsrfHeader { get; set; } = "X-CSRF";

    /// <summary>Gets or sets the value the CSRF header must have.</summary>
    /// <value>Defaults to <c>1</c>.</value>
    public string CsrfValue { get; set; } = "1";

    /// <summary>Gets or sets what happens while Redis is configured but unreachable.</summary>
    /// <value>Defaults to <see cref="SessionStoreFallback.FailClosed"/>: cookie requests get 503, never a session that other replicas cannot end.</value>
    public SessionStoreFallback WhenRedisDown { get; set; } = SessionStoreFallback.FailClosed;

    /// <summary>Gets or sets a value indicating whether the provider's metadata must come over https.</summary>
    /// <value>Defaults to <c>Bff:Auth:RequireHttpsMetadata</c>.</value>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Gets the scopes actually asked for.</summary>
    public IReadOnlyList<string> EffectiveScopes => Scopes.Count > 0 ? Scopes : ["openid", "profile", "offline_access"];
}

/// <summary>What the session store does while Redis is configured but unreachable.</summary>
public enum SessionStoreFallback
{
    /// <summary>Cookie requests are refused with 503 until Redis is back; bearer requests are unaffected.</summary>
    FailClosed,

    /// <summary>Sessions are kept in this replica's memory until Redis is back (they are not seen by other replicas).</summary>
    Memory,
}
