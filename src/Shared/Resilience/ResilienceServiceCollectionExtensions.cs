using Bff.Hosting;
using Bff.Resilience;
using Bff.Stitching;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Bff's downstream resilience.</summary>
public static class ResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Adds one resilience pipeline per source (<see cref="DownstreamResilience"/>), the call filter that runs every
    /// downstream call through it, and the <c>sources</c> readiness check reporting each source's circuit.
    /// </summary>
    public static IServiceCollection AddBffResilience(this IServiceCollection services)
    {
        services.AddSingleton<DownstreamResilience>();
        services.AddSingleton<IDownstreamCallFilter, ResilienceCallFilter>();
        services.AddHealthChecks().AddCheck<SourceCircuitsHealthCheck>("sources", tags: [BffHealthChecks.ReadyTag]);
        return services;
    }
}
