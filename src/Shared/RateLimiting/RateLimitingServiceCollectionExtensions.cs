using Bff.Hosting;
using Bff.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bff.RateLimiting;

/// <summary>Registers the rate limiter and its two filters (requests on arrival, cost before execution).</summary>
internal static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddBffRateLimiting(this IServiceCollection services, BffOptions options)
    {
        services.AddSingleton(options.RateLimiting);
        services.AddSingleton<GcraRateLimiter>();
        services.AddSingleton<ClientPartition>();
        services.TryAddSingleton<IOperationCostCalculator, StaticOperationCostCalculator>();
        foreach (var kind in Enum.GetValues<RateLimitKind>())
        {
            services.AddSingleton<IGraphQLOperationFilter>(sp => ActivatorUtilities.CreateInstance<RateLimitFilter>(sp, kind));
        }

        return services;
    }
}
