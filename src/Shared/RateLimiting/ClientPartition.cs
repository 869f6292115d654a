using System.Net;
using Bff.Caching;
using Bff.PersistedQueries;
using Microsoft.AspNetCore.Http;

namespace Bff.RateLimiting;

/// <summary>
/// Who a request is charged to: <c>sub:</c> the validated identity, else <c>key:</c> the name of a configured API key,
/// else <c>ip:</c> the client address, read from <c>X-Forwarded-For</c> only when the connection comes from a trusted proxy.
/// </summary>
public sealed class ClientPartition
{
    private readonly IPNetwork[] _proxies;
    private readonly string _apiKeyHeader;
    private readonly Dictionary<string, string> _apiKeys;

    /// <summary>Creates the partitioner.</summary>
    public ClientPartition(RateLimitingOptions options)
    {
        _proxies = options.TrustedProxies.Select(p => RateLimitingOptions.TryParseNetwork(p, out var n) ? n : default).ToArray();
        _apiKeyHeader = options.ApiKeyHeader;
        _apiKeys = options.ApiKeys.ToDictionary(k => k.Value.ToLowerInvariant(), k => k.Key, StringComparer.Ordinal);
    }

    /// <summary>Gets the partition of <paramref name="http"/>.</summary>
    public string Of(HttpContext http)
    {
        if (CallerIdentity.Of(http.User) is { } identity)
        {
            return "sub:" + Sha256Hex.Of(identity)[..32];
        }

        if (http.Request.Headers[_apiKeyHeader].ToString() is { Length: > 0 } key && _apiKeys.TryGetValue(Sha256Hex.Of(key), out var name))
        {
            return "key:" + name;
        }

        return "ip:" + ClientAddress(http);
    }

    /// <summary>Gets the client address: the nearest <c>X-Forwarded-For</c> hop that is not a trusted proxy.</summary>
    public string ClientAddress(HttpContext http)
    {
        var address = Normalize(http.Connection.RemoteIpAddress);
        if (address is null)
        {
            return "unknown";
        }

        var hops = http.Request.Headers["X-Forwarded-For"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
        for (var i = hops.Length - 1; i >= 0 && IsTrusted(address); i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                break;
            }

            address = Normalize(hop)!;
        }

        return address.ToString();
    }

    private bool IsTrusted(IPAddress address) => _proxies.Any(p => p.Contains(address));

    private static IPAddress? Normalize(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
