using Bff.Stitching;
using Bff.Stitching.Bindings;

namespace Bff.Caching;

/// <summary>
/// Applies a binding's <c>@cache</c> policy to its downstream calls: answers fresh entries from the two-level
/// <see cref="ResponseCache"/> (diagnostics outcome <c>cache_hit</c>), keys every call by the headers its source receives
/// (so an answer never crosses tenants or languages), shares one call between concurrent identical misses, and records every call's policy for the response's <c>Cache-Control</c>. Per-caller (<c>PRIVATE</c>) data of
/// an anonymous caller is never stored. Runs outside the resilience filters: a hit needs no healthy downstream.
/// </summary>
public sealed class DownstreamCacheFilter : IDownstreamCallFilter
{
    private readonly ResponseCache _cache;
    private readonly CacheOptions _options;
    private readonly Dictionary<string, string[]> _keyedHeaders;
    private readonly DownstreamProtocols _protocols;

    /// <summary>Creates the filter.</summary>
    public DownstreamCacheFilter(ResponseCache cache, CacheOptions options, SourceSet sources, DownstreamProtocols protocols)
    {
        _cache = cache;
        _protocols = protocols;
        _options = options;
        var unkeyed = new HashSet<string>(_options.UnkeyedHeaders, StringComparer.OrdinalIgnoreCase);
        _keyedHeaders = sources.ToDictionary(s => s.Key, s => s.Value.ForwardHeaders
            .Where(h => !unkeyed.Contains(h)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray());
    }

    /// <inheritdoc />
    public int Order => FilterOrder.ResponseCache;

    /// <inheritdoc />
    public async Task<DownstreamResponse> InvokeAsync(DownstreamCall call, DownstreamCallDelegate next, CancellationToken cancellationToken)
    {
        var hints = call.Request.Features.Get<CacheHints>();
        var policy = call.Binding.Cache;
        var identity = policy?.Scope == CacheScope.Private ? CallerIdentity.Of(call.Request.User) : null;
        var key = !_options.Enabled || policy is null || (policy.Scope == CacheScope.Private && identity is null)
            ? null
            : DownstreamCacheKey.For(call, _protocols.For(call.Binding), identity, hints.VaryKey, _keyedHeaders.GetValueOrDefault(call.Binding.Source) ?? []);
        if (key is null)
        {
            hints.RecordUncached();
            return await next(call, cancellationToken).ConfigureAwait(false);
        }

        var (response, _, freshFor) = await _cache.GetOrLoadAsync(key, policy!.MaxAge, () => next(call, CancellationToken.None), cancellationToken)
            .ConfigureAwait(false);
        if (freshFor > TimeSpan.Zero)
        {
            hints.Record(policy.Scope, freshFor);
        }
        else
        {
            hints.RecordUncached();
        }

        return response;
    }
}
