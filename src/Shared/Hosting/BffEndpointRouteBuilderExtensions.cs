using Bff.Http;
using Bff.Ide;
using Bff.Resilience;
using Bff.Stitching;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Bff.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Bff.Stitching.Composition;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Bff's endpoints.</summary>
public static class BffEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the GraphQL endpoint (GET and POST at <see cref="BffOptions.Path"/>), the IDE beside it, and the health
    /// endpoints, after JWT bearer authentication. Resolves the schema now, so bad bindings stop the host at start-up with every problem listed.
    /// </summary>
    public static IEndpointConventionBuilder MapBff(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<BffOptions>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.Hosting");
        // A BffConfigurationException from here lists every problem; BffApplication.Run prints it once and exits 1.
        var endpoint = app.Services.GetRequiredService<GraphQLHttpEndpoint>();
        var schema = app.Services.GetRequiredService<BffSchema>();
        app.Services.GetRequiredService<DownstreamResilience>().BuildAll();
        BffHostingLog.Started(logger, options.Name, options.Path, schema.Bindings.Count, options.Sources.Count);
        OtlpExport.Log(app.Configuration, logger);
        var contracts = app.Services.GetRequiredService<ContractSet>();
        foreach (var (source, operation, requirement) in CredentialCoverage.Unmet(schema, options.Sources, contracts, app.Services.GetRequiredService<SourceCredentials>()))
        {
            StitchingLog.CredentialMissing(logger, source, operation, requirement);
        }

        foreach (var (source, warning) in contracts.Sources.SelectMany(c => c.Value.Warnings.Select(w => (c.Key, w))))
        {
            StitchingLog.ContractWarning(logger, source, warning);
        }

        // Liveness runs no readiness check: the process answers. Readiness reports Redis and every source's circuit;
        // a degraded dependency keeps it 200, since the host still serves (from memory, with partial data).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(BffHealthChecks.ReadyTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(BffHealthChecks.ReadyTag),
            ResponseWriter = ReadinessResponseWriter.WriteAsync,
        });

        // Authentication runs before the endpoint so the caller is known to everything after it; the endpoint itself
        // refuses invalid tokens with a GraphQL-shaped 401.
        app.UseAuthentication();
        app.MapBffSession(); // web session mode (src/Shared/Session): /bff/login, /logout, /user, /backchannel-logout
        var ide = options.Ide;
        if (string.IsNullOrEmpty(ide.Title))
        {
            ide.Title = options.Name;
        }

        app.MapBananaCakePop(options.Path, ide);
        return app.Map(options.Path, async context =>
        {
            if (!await BananaCakePopIde.TryServeAsync(context, options.Path, ide).ConfigureAwait(false))
            {
                await endpoint.HandleAsync(context).ConfigureAwait(false);
            }
        }).WithDisplayName("Bff GraphQL");
    }
}
