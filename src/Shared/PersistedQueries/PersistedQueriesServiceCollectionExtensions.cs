using Bff.Hosting;
using Bff.Http;
using Bff.Stitching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Bff.Stitching.Composition;

namespace Bff.PersistedQueries;

/// <summary>Registers automatic persisted queries and, when in force, trusted documents.</summary>
internal static class PersistedQueriesServiceCollectionExtensions
{
    public static IServiceCollection AddBffPersistedQueries(this IServiceCollection services, BffOptions options, string environment, string baseDirectory)
    {
        services.AddSingleton(options.PersistedQueries);
        services.AddSingleton<PersistedQueryStore>();
        services.AddSingleton<IGraphQLOperationFilter, PersistedQueryFilter>();
        var mode = options.TrustedDocuments.EffectiveMode(environment);
        if (mode != TrustedDocumentMode.Off)
        {
            services.AddSingleton(sp =>
            {
                var set = TrustedDocumentSet.Load(options.TrustedDocuments.Manifests, baseDirectory, sp.GetRequiredService<BffSchema>().Schema);
                PersistedQueriesLog.TrustedDocumentsLoaded(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.PersistedQueries"),
                    mode, set.Count, string.Join(", ", options.TrustedDocuments.Manifests));
                return set;
            });
            services.AddSingleton<IGraphQLOperationFilter>(sp => new TrustedDocumentFilter(sp.GetRequiredService<TrustedDocumentSet>(), mode));
        }

        return services;
    }
}
