namespace Bff.Auth;

/// <summary>Checks <see cref="AuthOptions"/> at start-up; every problem names its configuration key.</summary>
internal static class AuthOptionsValidator
{
    private static readonly HashSet<string> Asymmetric = new(StringComparer.Ordinal)
    {
        "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512",
    };

    public static IEnumerable<string> Validate(AuthOptions options)
    {
        var sources = new[] { options.Authority is not null, options.MetadataAddress is not null, options.JwksUri is not null, options.SigningKeys.Count > 0 }
            .Count(configured => configured);
        if (sources > 1 && !(sources == 2 && options.Authority is not null && options.MetadataAddress is not null))
        {
            yield return "Bff:Auth: configure one source of signing keys: Authority (or MetadataAddress), JwksUri, or SigningKeys.";
        }

        foreach (var (key, uri) in new[] { ("Authority", options.Authority), ("MetadataAddress", options.MetadataAddress), ("JwksUri", options.JwksUri) })
        {
            if (uri is null)
            {
                continue;
            }

            if (!uri.IsAbsoluteUri)
            {
                yield return $"Bff:Auth:{key} must be an absolute URI; got '{uri}'.";
            }
            else if (options.RequireHttpsMetadata && uri.Scheme != Uri.UriSchemeHttps)
            {
                yield return $"Bff:Auth:{key} must be https ('{uri}'), or set Bff:Auth:RequireHttpsMetadata to false (development only).";
            }
        }

        if (options.AcceptsTokens && string.IsNullOrWhiteSpace(options.Audience))
        {
            yield return "Bff:Auth:Audience is required: tokens issued for other services must not be accepted here.";
        }

        if ((options.JwksUri is not null || options.SigningKeys.Count > 0) && string.IsNullOrWhiteSpace(options.Issuer))
        {
            yield return "Bff:Auth:Issuer is required with JwksUri or SigningKeys (only discovery documents name their issuer).";
        }

        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            if (!SigningKeyLoader.IsValid(options.SigningKeys[i].PublicKeyPem))
            {
                yield return $"Bff:Auth:SigningKeys:{i}:PublicKeyPem is not an RSA or EC public key in PEM.";
            }
        }

        foreach (var algorithm in options.Algorithms.Where(a => !Asymmetric.Contains(a)))
        {
            yield return $"Bff:Auth:Algorithms: '{algorithm}' is not accepted; use asymmetric algorithms ({string.Join(", ", Asymmetric.Order())}).";
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            yield return $"Bff:Auth:ClockSkew must be between 00:00:00 and 00:05:00; got {options.ClockSkew}.";
        }

        if (options.KeyRefreshMinInterval < TimeSpan.FromSeconds(1))
        {
            yield return $"Bff:Auth:KeyRefreshMinInterval must be at least 1 second; got {options.KeyRefreshMinInterval}.";
        }

        foreach (var (name, policy) in options.Policies)
        {
            if (policy.Scopes.Concat(policy.Roles).Any(string.IsNullOrWhiteSpace))
            {
                yield return $"Bff:Auth:Policies:{name} has an empty scope or role.";
            }
        }
    }
}
