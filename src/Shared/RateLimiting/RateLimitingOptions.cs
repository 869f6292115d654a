using System.Net;

namespace Bff.RateLimiting;

/// <summary>
/// Rate limiting, bound from <c>Bff:RateLimiting</c>: named policies, each applied to every caller separately. A caller
/// is its validated identity (<c>sub</c>), else a configured API key, else its client IP address.
/// </summary>
public sealed class RateLimitingOptions
{
    /// <summary>Gets or sets a value indicating whether the policies are applied.</summary>
    /// <value>Defaults to <see langword="true"/> (with no policy configured nothing is limited).</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets the policies by name; every policy applies to every operation of its kind.</summary>
    public Dictionary<string, RateLimitPolicyOptions> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the proxies (addresses or CIDR ranges, e.g. <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> is believed.
    /// From anyone else the header is ignored, so a client cannot choose its own partition.
    /// </summary>
    /// <value>Defaults to none.</value>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Gets or sets the request header carrying an API key.</summary>
    /// <value>Defaults to <c>X-Api-Key</c>.</value>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    /// <summary>
    /// Gets the known API keys: a name (the partition) for the SHA-256 hex of each key. An unknown key counts as no key,
    /// so inventing keys does not buy fresh budgets.
    /// </summary>
    public Dictionary<string, string> ApiKeys { get; } = new(StringComparer.Ordinal);

    internal IEnumerable<string> Validate()
    {
        foreach (var (name, policy) in Policies)
        {
            foreach (var error in policy.Validate(name))
            {
                yield return error;
            }
        }

        for (var i = 0; i < TrustedProxies.Length; i++)
        {
            if (!TryParseNetwork(TrustedProxies[i], out _))
            {
                yield return $"Bff:RateLimiting:TrustedProxies:{i}: '{TrustedProxies[i]}' is not an IP address or CIDR range.";
            }
        }

        foreach (var (name, hash) in ApiKeys)
        {
            if (!PersistedQueries.Sha256Hex.IsValid(hash))
            {
                yield return $"Bff:RateLimiting:ApiKeys:{name}: must be the SHA-256 of the key as 64 hex digits.";
            }
        }
    }

    internal static bool TryParseNetwork(string text, out IPNetwork network)
    {
        if (IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }
}
