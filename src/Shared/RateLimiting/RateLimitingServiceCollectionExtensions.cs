using Bff.Operations;
using Bff.Limits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Bff.RateLimiting;

/// <summary>Registers the rate limiter and its two filters (requests on arrival, cost before execution).</summary>
internal static class RateLimitingServiceCollectionExtensions
{
    public static IServiceCollection AddBffRateLimiting(this IServiceCollection services, RateLimitingOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(sp =>
        {
            var policies = !options.Enabled || options.Policies.Count == 0
                ? "off"
                : string.Join("; ", options.Policies.Select(p =>
                    $"{p.Key}: {p.Value.PermitLimit} {p.Value.Kind.ToString().ToLowerInvariant()} per {p.Value.Window}, burst {p.Value.Capacity}"));
            RateLimitingLog.Policies(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.RateLimiting"), policies);
            return ActivatorUtilities.CreateInstance<GcraRateLimiter>(sp);
        });
        services.AddSingleton<ClientPartition>();
        services.TryAddSingleton<IOperationCostCalculator, OperationCostCalculator>();
        foreach (var kind in Enum.GetValues<RateLimitKind>())
        {
            services.AddSingleton<IGraphQLOperationFilter>(sp => ActivatorUtilities.CreateInstance<RateLimitFilter>(sp, kind));
        }

        return services;
    }
}
