namespace Bff;

/// <summary>
/// The order of every filter of the gateway, in one place so that the whole chain can be read at once. Lower runs
/// first (outermost). Two chains: operation filters around each GraphQL operation at the endpoint
/// (<c>IGraphQLOperationFilter</c>) and call filters around each downstream call (<c>IDownstreamCallFilter</c>).
/// </summary>
public static class FilterOrder
{
    /// <summary>Operation filter: the request-count rate limit, before anything else costs work (when no cost policy is configured).</summary>
    public const int RequestRateLimit = -1000;

    /// <summary>Operation filter: trusted documents (only allow-listed operations run).</summary>
    public const int TrustedDocuments = 100;

    /// <summary>Operation filter: automatic persisted queries (a hash becomes its query).</summary>
    public const int PersistedQueries = 200;

    /// <summary>Operation filter: the cost rate limit, once the document is known, with the request-count policies in the same round trip.</summary>
    public const int CostRateLimit = 300;

    /// <summary>Operation filter: the response's <c>Cache-Control</c>, last, from what every downstream call said.</summary>
    public const int CacheControl = 1000;

    /// <summary>Call filter: the response cache, outside resilience so a hit needs no healthy downstream.</summary>
    public const int ResponseCache = -100;

    /// <summary>Call filter: resilience (timeouts, retries, circuit breaker), late, right before the connector.</summary>
    public const int Resilience = 1000;
}
