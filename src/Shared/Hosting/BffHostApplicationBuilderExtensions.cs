using Bff.Documents;
using Bff.Auth;
using Bff.Caching;
using Bff.Hosting;
using Bff.PersistedQueries;
using Bff.RateLimiting;
using Bff.Redis;
using Bff.Resilience;
using Bff.Http;
using Bff.Limits;
using Bff.Observability;
using Bff.Stitching;
using Bff.Stitching.Contracts;
using Bff.Stitching.Execution;
using Bff.Stitching.Instances;
using GraphQL;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Bff.Stitching.Composition;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds Bff to a host.</summary>
public static class BffHostApplicationBuilderExtensions
{
    /// <summary>
    /// Adds the Bff gateway configured from the <c>Bff</c> section: schema and bindings (checked now, so a bad
    /// configuration stops the host before it listens), connectors for every source, and the GraphQL endpoint.
    /// </summary>
    public static BffBuilder AddBff(this IHostApplicationBuilder builder)
    {
        var options = BindOptions(builder.Configuration);
        var services = builder.Services;
        var bff = new BffBuilder(services, builder.Configuration, options);
        services.AddSingleton(options);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        // Each policy receives its own section, not the whole configuration, so policies stay below hosting.
        var sources = new SourceSet(options.Sources);
        services.AddSingleton(sources);
        services.AddSingleton(options.Http);
        services.AddSingleton(options.Diagnostics);
        services.AddSingleton(options.Limits);
        services.AddSingleton(options.Incremental);
        services.AddSingleton(options.Auth);
        services.AddSingleton(options.Session);
        services.TryAddTimeProvider();
        var authentication = services.AddBffAuthentication(options.Auth);
        services.AddBffSession(authentication, options); // web session mode (src/Shared/Session), off unless Bff:Session:Enabled
        var introspection = new IntrospectionPolicy(options.Introspection.Enabled ?? !builder.Environment.IsProduction());
        services.AddSingleton(introspection);

        var protocols = services.AddBffProtocols();
        foreach (var (name, source) in options.Sources)
        {
            var client = services.AddHttpClient(DownstreamHttpClients.Name(name), http =>
            {
                if (source.BaseAddress is { IsAbsoluteUri: true } address)
                {
                    http.BaseAddress = address.AbsoluteUri.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
                }

                http.Timeout = Timeout.InfiniteTimeSpan;
            });
            // The factory's two logging handlers open a scope and time every downstream call even when their
            // Information lines are filtered out; the gateway reports calls itself (the downstream extension, traces).
            client.RemoveAllLoggers();
            protocols.ForKind(source.Kind)?.ConfigureHttpClient(client);
        }

        var baseDirectory = AppContext.BaseDirectory;
        var contracts = ContractSet.Load(options.Sources, protocols, baseDirectory, "appsettings.json");
        // Listed first, where they were before contracts stopped validating options.
        contracts.Errors.InsertRange(0, ResilienceOptionsValidator.Validate(options.Sources, options.Http.RequestTimeout, "appsettings.json"));
        contracts.Errors.InsertRange(0, BffOptionsValidator.Validate(options));
        // Every problem waits for the schema build, so one start-up lists them all, bindings and contracts included.
        contracts.Errors.AddRange(AuthOptionsValidator.Validate(options.Auth));
        contracts.Errors.AddRange(Bff.Session.WebSessionOptionsValidator.Validate(options.Session, options.Auth.Authority));
        contracts.Errors.AddRange(options.Limits.Validate());
        contracts.Errors.AddRange(Bff.Subscriptions.SubscriptionOptionsValidator.Validate(options.Subscriptions));
        contracts.Errors.AddRange(OutgoingHeaders.Validate(options.Sources));
        contracts.Errors.AddRange(SourceAddresses.Validate(options.Sources));
        contracts.Errors.AddRange(options.ValidateSharedState());
        // Reported with the binding errors when the schema is built, so every problem is listed at once.
        var credentials = SourceCredentials.Read(options.Sources, contracts.Errors);
        contracts.Errors.AddRange(CredentialCoverage.CheckOperations(options.Sources, contracts));
        services.AddSingleton(contracts);
        services.AddSingleton(credentials);
        services.AddSingleton(sp => new SourceInstanceSet(options.Sources, sp.GetRequiredService<TimeProvider>()));
        // Instances of a REST source are found by service discovery in Bff:Sources:{name}:Addresses (configuration endpoints).
        services.AddServiceDiscoveryCore();
        services.AddConfigurationServiceEndpointProvider(discovery => discovery.SectionName = BffOptions.SectionName + ":Sources");
        services.AddSingleton(sp => new DownstreamDispatcher(
            CreateConnectors(sp, options, contracts, protocols), sp.GetRequiredService<TimeProvider>(), sp.GetServices<IDownstreamCallFilter>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger("Bff.Stitching.Streams")));
        var configuration = builder.Configuration as IConfigurationRoot;
        services.AddSingleton(sp =>
        {
            try
            {
                return BffSchemaBuilder.Build(
                    options.Schema, options.Sources, baseDirectory, contracts, protocols, sp.GetRequiredService<DownstreamDispatcher>(), bff.Resolvers, sp.GetRequiredService<FieldAuthorizer>(),
                    options.Incremental.Enabled ? Bff.Incremental.IncrementalDirectives.Sdl : null);
            }
            catch (BffConfigurationException ex) when (configuration is not null)
            {
                throw new BffConfigurationException(ConfigurationOrigins.Attribute(ex.Errors, configuration));
            }
        });
        services.AddSingleton(sp => new CostModel(sp.GetRequiredService<BffSchema>().Schema, sp.GetRequiredService<BffSchema>().Bindings, options.Limits));
        services.AddSingleton(sp => new DocumentCache(options.Http.DocumentCacheSize, options.Http.DocumentCacheMaxQueryLength));
        services.AddSingleton<DocumentParser>();
        services.AddSingleton<CancellationRule>();
        services.AddSingleton<IntrospectionRule>();
        services.AddSingleton<OperationLimitsRule>();
        services.AddSingleton<CostLimitRule>();
        services.AddSingleton<Bff.Incremental.StreamDirectiveRule>();
        services.AddSingleton<GraphQLOperationPipeline>();
        services.AddSingleton(sp => new GraphQLHttpEndpoint(
            sp.GetRequiredService<GraphQLOperationPipeline>(), sp.GetRequiredService<GraphQL.IGraphQLTextSerializer>(), options.Http, sp.GetRequiredService<TimeProvider>(),
            options.Diagnostics, options.Incremental));
        services.AddBffSubscriptions(options.Subscriptions, options.Http);
        services.AddGraphQL(graphQL => graphQL
            .AddSystemTextJson()
            .AddErrorInfoProvider<BffErrorInfoProvider>()
            .ConfigureExecution<CachedDocumentValidation>()
            .AddExecutionStrategySelector<Bff.Incremental.IncrementalStrategySelector>()
            .AddSchema(sp => sp.GetRequiredService<BffSchema>().Schema, GraphQL.DI.ServiceLifetime.Singleton));
        services.AddHealthChecks();
        services.AddBffRedis(builder.Configuration, options.Redis, options.Name);
        services.AddBffCaching(options.Caching);
        services.AddBffPersistedQueries(options.PersistedQueries, options.TrustedDocuments, builder.Environment.EnvironmentName, baseDirectory);
        services.AddBffRateLimiting(options.RateLimiting);
        services.AddBffResilience();
        ShutdownWatchdog.AddTo(services, options.Http.ShutdownTimeout);
        OtlpExport.AddTo(services, builder.Configuration, builder.Environment.ApplicationName);
        return bff;
    }

    private static BffOptions BindOptions(IConfiguration configuration)
    {
        var options = new BffOptions();
        try
        {
            configuration.GetSection(BffOptions.SectionName).Bind(options);
            return options;
        }
        catch (InvalidOperationException ex) when (ConfigurationOrigins.UnreadableValue(ex) is { } problem)
        {
            throw new BffConfigurationException(configuration is IConfigurationRoot root ? ConfigurationOrigins.Attribute([problem], root) : [problem]);
        }
    }

    private static Dictionary<string, IDownstreamConnector> CreateConnectors(IServiceProvider services, BffOptions options, ContractSet contracts, DownstreamProtocols protocols)
    {
        var connectors = new Dictionary<string, IDownstreamConnector>(StringComparer.Ordinal);
        foreach (var (name, source) in options.Sources)
        {
            // A source of an unknown kind has been reported at start-up already; the schema build fails before any call.
            if (protocols.ForKind(source.Kind) is { } protocol)
            {
                connectors[name] = protocol.CreateConnector(new DownstreamConnectorContext(name, source, contracts.Sources.GetValueOrDefault(name), services));
            }
        }

        return connectors;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
