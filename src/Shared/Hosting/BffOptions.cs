using Bff.Observability;
using Bff.Http;
using Bff.Stitching;

namespace Bff.Hosting;

/// <summary>
/// Options of one BFF host, bound from the <c>Bff</c> configuration section.
/// </summary>
public sealed class BffOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Bff";

    /// <summary>Gets or sets the host's display name (used in logs, the IDE title and diagnostics).</summary>
    /// <value>Defaults to <c>"Bff"</c>.</value>
    public string Name { get; set; } = "Bff";

    /// <summary>
    /// Gets or sets the SDL file of this host's schema, relative to the application's base directory
    /// (the schema files under <c>schemas/</c> are copied beside the binaries).
    /// </summary>
    /// <value>Required.</value>
    public string Schema { get; set; } = "";

    /// <summary>Gets or sets the path of the GraphQL endpoint and the IDE.</summary>
    /// <value>Defaults to <c>/graphql</c>.</value>
    public string Path { get; set; } = "/graphql";

    /// <summary>Gets the downstream sources, keyed by the name bindings use in the SDL.</summary>
    public Dictionary<string, SourceOptions> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the GraphQL-over-HTTP transport options.</summary>
    public GraphQLHttpOptions Http { get; } = new();

    /// <summary>Gets the options of the Banana Cake Pop IDE served at <see cref="Path"/>.</summary>
    public Ide.BananaCakePopOptions Ide { get; } = new() { Title = "" };

    /// <summary>Gets the authentication options (JWT bearer tokens) and the named authorization policies.</summary>
    public Auth.AuthOptions Auth { get; } = new();

    /// <summary>Gets the limits on what one operation may ask for.</summary>
    public Limits.LimitOptions Limits { get; } = new();

    /// <summary>Gets whether clients may introspect the schema.</summary>
    public Limits.IntrospectionOptions Introspection { get; } = new();

    /// <summary>Gets the diagnostics options.</summary>
    public Observability.DiagnosticsOptions Diagnostics { get; } = new();

    /// <summary>Gets how the host uses Redis (the connection string is <c>ConnectionStrings:Redis</c>).</summary>
    public Redis.RedisOptions Redis { get; } = new();

    /// <summary>Gets the downstream response caching options.</summary>
    public Caching.CacheOptions Caching { get; } = new();

    /// <summary>Gets the automatic persisted queries options.</summary>
    public PersistedQueries.PersistedQueryOptions PersistedQueries { get; } = new();

    /// <summary>Gets the trusted documents options.</summary>
    public PersistedQueries.TrustedDocumentOptions TrustedDocuments { get; } = new();

    /// <summary>Gets the rate-limiting options.</summary>
    public RateLimiting.RateLimitingOptions RateLimiting { get; } = new();

    /// <summary>Gets the web session mode options (OIDC login, server-side tokens, cookie + CSRF header): off by default.</summary>
    public Session.WebSessionOptions Session { get; } = new();

    internal IEnumerable<string> ValidateSharedState() =>
        Redis.Validate().Concat(Caching.Validate()).Concat(PersistedQueries.Validate())
            .Concat(TrustedDocuments.Validate()).Concat(RateLimiting.Validate());
}
