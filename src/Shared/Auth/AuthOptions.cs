namespace Bff.Auth;

/// <summary>
/// How a BFF authenticates callers (<c>Bff:Auth</c>): JWT bearer tokens whose signing keys come from OpenID Connect
/// discovery (<see cref="Authority"/> or <see cref="MetadataAddress"/>), a JWKS URL (<see cref="JwksUri"/>), or keys in
/// configuration (<see cref="SigningKeys"/>). A request without a token is anonymous; a request with an invalid token
/// is refused with 401, never treated as anonymous.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>Gets or sets the token issuer's base address; its discovery document is at <c>/.well-known/openid-configuration</c>.</summary>
    /// <value>Not set by default.</value>
    public Uri? Authority { get; set; }

    /// <summary>Gets or sets the discovery document's address, when it is not under <see cref="Authority"/>.</summary>
    /// <value>Not set by default.</value>
    public Uri? MetadataAddress { get; set; }

    /// <summary>Gets or sets the address of the JSON Web Key Set, to skip discovery (then <see cref="Issuer"/> is required).</summary>
    /// <value>Not set by default.</value>
    public Uri? JwksUri { get; set; }

    /// <summary>Gets the public keys tokens may be signed with, when no key address is configured.</summary>
    public List<SigningKeyOptions> SigningKeys { get; } = [];

    /// <summary>Gets or sets the required <c>iss</c> of tokens.</summary>
    /// <value>Defaults to the <c>issuer</c> of the discovery document.</value>
    public string? Issuer { get; set; }

    /// <summary>Gets or sets the required <c>aud</c> of tokens (one of the token's audiences must match).</summary>
    /// <value>Required when tokens are accepted.</value>
    public string? Audience { get; set; }

    /// <summary>Gets or sets how much clock difference is tolerated on <c>exp</c> and <c>nbf</c>.</summary>
    /// <value>Defaults to 30 seconds (the library's own default, 5 minutes, accepts tokens long expired).</value>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the accepted signature algorithms; <c>none</c> and HMAC are never accepted with public keys.</summary>
    /// <value>Defaults to <c>RS256</c> and <c>ES256</c>.</value>
    public List<string> Algorithms { get; } = [];

    /// <summary>Gets or sets a value indicating whether discovery and JWKS addresses must be <c>https</c>.</summary>
    /// <value>Defaults to <see langword="true"/>; the demo turns it off for its loopback issuer.</value>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Gets or sets the shortest time between two fetches of the signing keys. A token with an unknown <c>kid</c>
    /// triggers at most one fetch per interval however many such tokens arrive; a failed fetch keeps the cached keys.
    /// </summary>
    /// <value>Defaults to 1 minute.</value>
    public TimeSpan KeyRefreshMinInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets how long fetched keys are used before they are fetched again (stale keys are kept if that fails).</summary>
    /// <value>Defaults to 1 hour.</value>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the claim that holds the caller's roles.</summary>
    /// <value>Defaults to <c>roles</c>.</value>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Gets the authorization policies referenced by name from <c>@authorize(policy: "…")</c>.</summary>
    public Dictionary<string, AuthPolicyOptions> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether any signing key source is configured.</summary>
    public bool AcceptsTokens => Authority is not null || MetadataAddress is not null || JwksUri is not null || SigningKeys.Count > 0;

    /// <summary>Gets the accepted algorithms, with the default when none are configured.</summary>
    public IReadOnlyList<string> EffectiveAlgorithms => Algorithms.Count > 0 ? Algorithms : ["RS256", "ES256"];
}
