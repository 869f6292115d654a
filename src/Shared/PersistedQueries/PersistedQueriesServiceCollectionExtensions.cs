using Bff.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.PersistedQueries;

/// <summary>Registers automatic persisted queries and, when in force, trusted documents.</summary>
internal static class PersistedQueriesServiceCollectionExtensions
{
    public static IServiceCollection AddBffPersistedQueries(this IServiceCollection services, PersistedQueryOptions persistedQueries, TrustedDocumentOptions trustedDocuments, string environment, string baseDirectory)
    {
        services.AddSingleton(persistedQueries);
        services.AddSingleton<PersistedQueryStore>();
        services.AddSingleton<IGraphQLOperationFilter, PersistedQueryFilter>();
        var mode = trustedDocuments.EffectiveMode(environment);
        if (mode != TrustedDocumentMode.Off)
        {
            services.AddSingleton(sp =>
            {
                var set = TrustedDocumentSet.Load(trustedDocuments.Manifests, baseDirectory, sp.GetRequiredService<GraphQL.Types.ISchema>());
                PersistedQueriesLog.TrustedDocumentsLoaded(sp.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.PersistedQueries"),
                    mode, set.Count, string.Join(", ", trustedDocuments.Manifests));
                return set;
            });
            services.AddSingleton<IGraphQLOperationFilter>(sp => new TrustedDocumentFilter(sp.GetRequiredService<TrustedDocumentSet>(), mode));
        }

        return services;
    }
}
