namespace Bff.Http;

/// <summary>Options of the GraphQL-over-HTTP endpoint.</summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Gets or sets the largest request body accepted; larger bodies get 413.</summary>
    /// <value>Defaults to 102,400 bytes (Kestrel's own default of ~28.6 MB is far too generous for GraphQL).</value>
    public long MaxRequestBodyBytes { get; set; } = 100 * 1024;

    /// <summary>Gets or sets how many operations one batched (JSON array) request may carry.</summary>
    /// <value>Defaults to 10. Set to 1 to refuse batching.</value>
    public int MaxBatchOperations { get; set; } = 10;

    /// <summary>Gets or sets how many parsed and validated documents are kept (keyed by query text).</summary>
    /// <value>Defaults to 1,000. Set to 0 to disable the document cache.</value>
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>Gets or sets the longest query text that is cached; longer ones are parsed on every request.</summary>
    /// <value>Defaults to 20,000 characters.</value>
    public int DocumentCacheMaxQueryLength { get; set; } = 20_000;

    /// <summary>
    /// Gets or sets the most time one HTTP request may take, all its downstream calls included. Past it the request
    /// is answered <c>504</c> with <c>GATEWAY_TIMEOUT</c> and its downstream calls are cancelled. Every source's
    /// <c>Timeout</c> must be shorter, so a slow source costs its fields, not the whole response.
    /// </summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets or sets how long a stopping host lets requests in flight finish (the host's shutdown timeout). Past it,
    /// Kestrel aborts them, which cancels their validation, execution and downstream calls; a host that has still not
    /// stopped a few seconds later (its threads held by work that ignores cancellation) ends its own process.
    /// Keep it below the orchestrator's grace period (Kubernetes: 30 s).
    /// </summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets or sets a value indicating whether GET requests must carry a header a browser cannot add cross-site without
    /// a CORS preflight: <c>GraphQL-Preflight</c>, <c>X-Apollo-Operation-Name</c> or <c>Apollo-Require-Preflight</c>
    /// (any non-empty value). POSTs are always protected: they must be <c>application/json</c>, which no form can send.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool RequirePreflightHeader { get; set; }
}
