using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Samples.Identity;

/// <summary>
/// The demo's token issuer: RS256 keys generated at start (never stored), a JWKS with every key still published,
/// and tokens for demo users. For development and tests only: it authenticates nobody.
/// </summary>
public sealed class DemoIssuer
{
    /// <summary>The audience of the mobile BFF.</summary>
    public const string MobileAudience = "mobile-bff";

    /// <summary>The audience of the web BFF.</summary>
    public const string WebAudience = "web-bff";

    private readonly Lock _gate = new();
    private readonly List<RsaSecurityKey> _keys = [];

    /// <summary>Creates an issuer named <paramref name="issuer"/> with one fresh key.</summary>
    public DemoIssuer(string issuer)
    {
        Issuer = issuer.TrimEnd('/');
        Rotate();
        Authorization = new DemoAuthorization(this);
    }

    /// <summary>Gets the authorization server: login form, codes, refresh tokens, logout.</summary>
    public DemoAuthorization Authorization { get; }

    /// <summary>Gets or sets the issuer (<c>iss</c>) of the tokens and of the discovery document.</summary>
    public string Issuer { get; set; }

    /// <summary>Gets the key new tokens are signed with.</summary>
    public RsaSecurityKey CurrentKey
    {
        get
        {
            lock (_gate)
            {
                return _keys[^1];
            }
        }
    }

    /// <summary>Adds a new signing key; earlier keys stay in the JWKS so their tokens stay valid.</summary>
    /// <returns>The new key's id.</returns>
    public string Rotate()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "demo-" + Guid.NewGuid().ToString("N")[..12] };
        lock (_gate)
        {
            _keys.Add(key);
        }

        return key.KeyId;
    }

    /// <summary>Signs a token for <paramref name="token"/> with the current key.</summary>
    public string Mint(DemoToken token) => Mint(token, CurrentKey);

    /// <summary>Signs a token with <paramref name="key"/> (tests use keys the issuer never published).</summary>
    public string Mint(DemoToken token, SecurityKey key)
    {
        ArgumentNullException.ThrowIfNull(token);
        var notBefore = token.NotBefore ?? DateTimeOffset.UtcNow.AddMinutes(-1);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = token.Subject,
            ["aud"] = token.Audiences.ToArray(),
        };
        if (token.Scopes.Count > 0)
        {
            claims["scope"] = string.Join(' ', token.Scopes);
        }

        if (token.Roles.Count > 0)
        {
            claims["roles"] = token.Roles.ToArray();
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = token.Issuer ?? Issuer,
            Claims = claims,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = (token.Expires ?? notBefore.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The JSON Web Key Set: the public part of every key.</summary>
    public JsonObject Jwks()
    {
        var keys = new JsonArray();
        lock (_gate)
        {
            foreach (var key in _keys)
            {
                var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["alg"] = "RS256",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                });
            }
        }

        return new JsonObject { ["keys"] = keys };
    }

    /// <summary>The OpenID Connect discovery document.</summary>
    public JsonObject Discovery() => new()
    {
        ["issuer"] = Issuer,
        ["jwks_uri"] = Issuer + IdentityService.JwksPath,
        ["authorization_endpoint"] = Issuer + AuthorizationEndpoints.AuthorizePath,
        ["token_endpoint"] = Issuer + AuthorizationEndpoints.TokenPath,
        ["revocation_endpoint"] = Issuer + AuthorizationEndpoints.RevocationPath,
        ["end_session_endpoint"] = Issuer + AuthorizationEndpoints.EndSessionPath,
        ["response_types_supported"] = new JsonArray("code"),
        ["grant_types_supported"] = new JsonArray("authorization_code", "refresh_token"),
        ["code_challenge_methods_supported"] = new JsonArray("S256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("none"),
        ["backchannel_logout_supported"] = true,
        ["backchannel_logout_session_supported"] = true,
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "offline_access", "proposals:read", "proposals:write", "jobs:read"),
    };
}
