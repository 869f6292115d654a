namespace Bff.Session;

/// <summary>The names session mode registers.</summary>
public static class SessionDefaults
{
    /// <summary>The authentication scheme that signs a user in to a server-side session (the OIDC handler's sign-in scheme).</summary>
    public const string Scheme = "BffSession";

    /// <summary>The OpenID Connect scheme that runs the login at the provider.</summary>
    public const string OidcScheme = "BffOidc";

    /// <summary>The HTTP client that calls the provider's token endpoint for refreshes.</summary>
    public const string ClientName = "Bff.Session";
}
