using System.Collections.Concurrent;
using System.Security.Claims;
using Bff.Observability;
using GraphQL;

namespace Bff.Stitching.Execution;

/// <summary>
/// The per-request state of one GraphQL operation: the caller, the record of downstream
/// calls and the typed <see cref="Features"/> of capabilities. Carried as GraphQL.NET's user context.
/// </summary>
public sealed class BffRequestContext : Dictionary<string, object?>
{
    // Created on first use: an operation without downstream calls or @authorize allocates none of them.
    private ConcurrentQueue<DownstreamCallRecord>? _calls;
    private long _resolvedFields;

    /// <summary>Creates the context for one operation.</summary>
    public BffRequestContext(ClaimsPrincipal user, IReadOnlyDictionary<string, string> forwardedHeaders)
    {
        User = user;
        ForwardedHeaders = forwardedHeaders;
    }

    /// <summary>Gets the caller.</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>Gets the incoming headers that sources may receive (the allow-list is applied per source).</summary>
    public IReadOnlyDictionary<string, string> ForwardedHeaders { get; }

    /// <summary>Gets or sets a value indicating whether the operation's document came from the document cache (already validated).</summary>
    public bool DocumentFromCache { get; set; }

    /// <summary>
    /// Gets or sets when the whole request must be answered (<c>Bff:Http:RequestTimeout</c> from its start);
    /// downstream calls never get a later deadline.
    /// </summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether downstream calls are recorded in <see cref="Calls"/> (for
    /// <c>extensions.downstream</c>); the endpoint turns it off when those diagnostics are off.
    /// </summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>Gets the downstream calls made so far, in completion order.</summary>
    public ConcurrentQueue<DownstreamCallRecord> Calls => LazyInitializer.EnsureInitialized(ref _calls);

    /// <summary>Gets or sets the caller's validated bearer token, for sources configured to receive it.</summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// Gets the typed state capabilities keep for this operation (caching hints, authorization decisions, …). The
    /// string-keyed dictionary this context is (GraphQL.NET's user context) carries no Bff state.
    /// </summary>
    public RequestFeatures Features { get; } = new();

    /// <summary>Gets how many fields the default resolver has resolved so far for this operation (a measure of its CPU work).</summary>
    public long ResolvedFields => Interlocked.Read(ref _resolvedFields);

    internal void CountResolvedField() => Interlocked.Increment(ref _resolvedFields);

    /// <summary>Gets the request context of a resolver.</summary>
    public static BffRequestContext From(IResolveFieldContext context) =>
        context.UserContext as BffRequestContext
        ?? throw new InvalidOperationException("The Bff request context is missing: execute through the Bff endpoint.");
}
