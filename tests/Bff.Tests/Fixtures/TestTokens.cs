using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Tests.Fixtures;

/// <summary>Real RS256-signed JWTs for test callers, and the parameters a host validates them with.</summary>
public static class TestTokens
{
    public const string Issuer = "https://issuer.test";
    public const string Audience = "bff";

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>The public key of <see cref="For"/>'s tokens, as a host's <c>Bff:Auth:SigningKeys</c> PEM.</summary>
    public static string PublicKeyPem => Key.Rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>The settings that make a host's own JWT authentication accept <see cref="For"/>'s tokens.</summary>
    public static Dictionary<string, string?> HostSettings => new()
    {
        ["Bff:Auth:Authority"] = null,
        ["Bff:Auth:Issuer"] = Issuer,
        ["Bff:Auth:Audience"] = Audience,
        ["Bff:Auth:SigningKeys:0:KeyId"] = "test-key",
        ["Bff:Auth:SigningKeys:0:PublicKeyPem"] = PublicKeyPem,
    };

    public static TokenValidationParameters Validation => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    /// <summary>Mints a token for <paramref name="subject"/>, valid for an hour.</summary>
    public static string For(string subject) => For(subject, DateTime.UtcNow.AddHours(1));

    /// <summary>Mints a token for <paramref name="subject"/> that expires at <paramref name="expires"/>, with the given <c>roles</c>.</summary>
    public static string For(string subject, DateTime expires, params string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity([new Claim("sub", subject), .. roles.Select(r => new Claim("roles", r))]),
        NotBefore = expires.AddHours(-2),
        IssuedAt = expires.AddHours(-2),
        Expires = expires,
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
    });
}
