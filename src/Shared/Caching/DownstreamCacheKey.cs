using System.Security.Cryptography;
using System.Text;
using Bff.Stitching;

namespace Bff.Caching;

/// <summary>
/// The cache key of a downstream call: the source and the exact request it makes (as its protocol describes it, e.g.
/// REST method, path and query, headers and body), the incoming headers forwarded to the source, the vary headers,
/// and for per-caller data the caller's identity. Hashed, so keys stay short and carry no personal data.
/// </summary>
public static class DownstreamCacheKey
{
    /// <summary>Builds the key, or returns <see langword="null"/> when the request cannot be built (the connector reports why).</summary>
    /// <param name="call">The call.</param>
    /// <param name="protocol">The protocol of the call, which supplies what makes its request distinct.</param>
    /// <param name="identity">The caller's identity for per-caller data, else <see langword="null"/>.</param>
    /// <param name="varyKey">The values of the vary headers (<see cref="CacheHints.VaryKey"/>).</param>
    /// <param name="forwardedHeaders">The forwarded headers of the call's source whose values are part of the key.</param>
    public static string? For(DownstreamCall call, IDownstreamProtocol protocol, string? identity, string varyKey, IEnumerable<string> forwardedHeaders)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(protocol);
        var text = new StringBuilder("v1\n").Append(call.Binding.Source).Append('\n');
        try
        {
            protocol.WriteCacheKey(call.Binding, call.Scope, text);
        }
        catch (BffError)
        {
            return null;
        }

        foreach (var name in forwardedHeaders)
        {
            text.Append(name.ToLowerInvariant()).Append(':').Append(call.Request.ForwardedHeaders.GetValueOrDefault(name)).Append('\n');
        }

        text.Append(varyKey).Append('\n').Append(identity);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return $"cache:{call.Binding.Source}:{hash}";
    }
}
