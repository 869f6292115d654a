using System.Security.Cryptography;
using System.Text;
using Bff.Stitching;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using Bff.Stitching.Rest;

namespace Bff.Caching;

/// <summary>
/// The cache key of a downstream call: the source and the exact request it makes (REST method, path and query,
/// headers and body; gRPC method and request message), the incoming headers forwarded to the source, the vary headers,
/// and for per-caller data the caller's identity. Hashed, so keys stay short and carry no personal data.
/// </summary>
public static class DownstreamCacheKey
{
    /// <summary>Builds the key, or returns <see langword="null"/> when the request cannot be built (the connector reports why).</summary>
    /// <param name="call">The call.</param>
    /// <param name="identity">The caller's identity for per-caller data, else <see langword="null"/>.</param>
    /// <param name="varyKey">The values of the vary headers (<see cref="CacheHints.VaryKey"/>).</param>
    /// <param name="forwardedHeaders">The forwarded headers of the call's source whose values are part of the key.</param>
    public static string? For(DownstreamCall call, string? identity, string varyKey, IEnumerable<string> forwardedHeaders)
    {
        var text = new StringBuilder("v1\n").Append(call.Binding.Source).Append('\n');
        try
        {
            switch (call.Binding)
            {
                case RestBinding rest:
                    text.Append(rest.Method).Append(' ').Append(RestConnector.BuildTarget(rest, call.Scope)).Append('\n')
                        .Append(TemplateEvaluator.Evaluate(rest.Headers, call.Scope)?.ToJsonString()).Append('\n')
                        .Append(rest.Body.Templates.Any() ? TemplateEvaluator.Evaluate(rest.Body, call.Scope)?.ToJsonString() : "").Append('\n');
                    break;
                case GrpcBinding grpc:
                    text.Append(grpc.Method).Append('\n')
                        .Append(TemplateEvaluator.Evaluate(grpc.Request, call.Scope)?.ToJsonString()).Append('\n');
                    break;
                default:
                    return null;
            }
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
