using Bff.Operations;
using Bff.Stitching;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Caching;

/// <summary>Registers downstream response caching and the <c>Cache-Control</c> of responses.</summary>
internal static class CachingServiceCollectionExtensions
{
    public static IServiceCollection AddBffCaching(this IServiceCollection services, CacheOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<IDownstreamCallFilter, DownstreamCacheFilter>();
        services.AddSingleton<IGraphQLOperationFilter, CacheControlFilter>();
        return services;
    }
}
