using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Samples.Identity;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Tests.Fixtures;

/// <summary>Real signed tokens that must be refused: each one breaks one rule of token validation.</summary>
public static class AttackTokens
{
    /// <summary>Every attack by name, built against <paramref name="demo"/>'s issuer.</summary>
    public static string Make(string attack, DemoServicesFixture demo)
    {
        var issuer = demo.Issuer;
        var now = DateTimeOffset.UtcNow;
        return attack switch
        {
            "expired" => issuer.Mint(new DemoToken { NotBefore = now.AddHours(-2), Expires = now.AddMinutes(-2) }),
            "not-yet-valid" => issuer.Mint(new DemoToken { NotBefore = now.AddMinutes(5), Expires = now.AddHours(1) }),
            "wrong-issuer" => issuer.Mint(new DemoToken { Issuer = "https://evil.example" }),
            "wrong-audience" => issuer.Mint(new DemoToken { Audiences = ["some-other-api"] }),
            "unknown-key" => issuer.Mint(new DemoToken(), new RsaSecurityKey(RSA.Create(2048)) { KeyId = "attacker-" + Guid.NewGuid().ToString("N")[..8] }),
            "forged-with-known-kid" => issuer.Mint(new DemoToken(), new RsaSecurityKey(RSA.Create(2048)) { KeyId = issuer.CurrentKey.KeyId }),
            "bad-signature" => Tamper(issuer.Mint(new DemoToken())),
            "alg-none" => Unsigned(issuer, "none"),
            "hmac-with-public-key" => HmacWithPublicKey(issuer),
            "no-expiry" => Sign(issuer, Payload(issuer, withExpiry: false)),
            "garbage" => "not.a.jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(attack), attack, null),
        };
    }

    /// <summary>The names <see cref="Make"/> knows.</summary>
    public static readonly string[] All =
    [
        "expired", "not-yet-valid", "wrong-issuer", "wrong-audience", "unknown-key", "forged-with-known-kid", "bad-signature",
        "alg-none", "hmac-with-public-key", "no-expiry", "garbage",
    ];

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["sub"] = "p1";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    private static JsonObject Payload(DemoIssuer issuer, bool withExpiry = true)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iss"] = issuer.Issuer,
            ["sub"] = "p3",
            ["aud"] = new JsonArray(DemoIssuer.MobileAudience, DemoIssuer.WebAudience),
            ["nbf"] = now - 60,
            ["iat"] = now - 60,
            ["scope"] = "proposals:read proposals:write",
        };
        if (withExpiry)
        {
            payload["exp"] = now + 3600;
        }

        return payload;
    }

    private static string Unsigned(DemoIssuer issuer, string alg)
    {
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = issuer.CurrentKey.KeyId };
        return $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(Payload(issuer).ToJsonString())}.";
    }

    private static string HmacWithPublicKey(DemoIssuer issuer)
    {
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = issuer.CurrentKey.KeyId };
        var signingInput = $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(Payload(issuer).ToJsonString())}";
        var publicKey = Encoding.ASCII.GetBytes(issuer.CurrentKey.Rsa.ExportSubjectPublicKeyInfoPem());
        var signature = HMACSHA256.HashData(publicKey, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Sign(DemoIssuer issuer, JsonObject payload)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = issuer.CurrentKey.KeyId };
        var signingInput = $"{Base64UrlEncoder.Encode(header.ToJsonString())}.{Base64UrlEncoder.Encode(payload.ToJsonString())}";
        var signature = issuer.CurrentKey.Rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }
}
