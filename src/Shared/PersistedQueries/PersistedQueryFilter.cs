using Bff.Operations;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.PersistedQueries;

/// <summary>
/// Automatic persisted queries, compatible with Apollo clients (web, iOS, Kotlin): a request with
/// <c>extensions.persistedQuery { version: 1, sha256Hash }</c> and no query runs the query registered under the
/// hash, or gets <c>PersistedQueryNotFound</c> (HTTP 200, never cached) so the client sends hash and query together;
/// that registers the query once it has parsed and validated. A hash that does not match its query is refused (400).
/// </summary>
public sealed class PersistedQueryFilter : IGraphQLOperationFilter
{
    /// <summary>The <c>Cache-Control</c> of a persisted-query miss: no cache, shared or not, may keep it.</summary>
    public const string MissCacheControl = "private, no-cache, must-revalidate";

    private const string PendingKey = "bff.apq.register";
    private readonly PersistedQueryStore _store;
    private readonly PersistedQueryOptions _options;
    private readonly ILogger<PersistedQueryFilter> _logger;

    /// <summary>Creates the filter.</summary>
    public PersistedQueryFilter(PersistedQueryStore store, PersistedQueryOptions options, ILogger<PersistedQueryFilter> logger)
    {
        _store = store;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public int Order => FilterOrder.PersistedQueries;

    /// <inheritdoc />
    public async ValueTask<GraphQLOperationOutcome?> BeforeExecuteAsync(GraphQLOperationContext context)
    {
        var request = context.Request;
        var (present, version, hash) = PersistedQueryRequest.Read(request);
        if (!present)
        {
            return null;
        }

        var hasQuery = !string.IsNullOrWhiteSpace(request.Query);
        if (!_options.Enabled)
        {
            return hasQuery ? null : Miss(context, ErrorCodes.PersistedQueryNotSupported, "PersistedQueryNotSupported");
        }

        if (version != 1)
        {
            return GraphQLOperationOutcomes.Error(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "Unsupported persisted query version: extensions.persistedQuery.version must be 1.");
        }

        if (!Sha256Hex.IsValid(hash))
        {
            return GraphQLOperationOutcomes.Error(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                "extensions.persistedQuery.sha256Hash must be the SHA-256 of the query as 64 hex digits.");
        }

        hash = hash!.ToLowerInvariant();
        if (!hasQuery)
        {
            var query = await _store.GetAsync(hash).ConfigureAwait(false);
            if (query is null)
            {
                return Miss(context, ErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound");
            }

            context.Request = PersistedQueryRequest.WithQuery(request, query);
            return null;
        }

        if (Sha256Hex.Of(request.Query!) != hash)
        {
            return GraphQLOperationOutcomes.Error(StatusCodes.Status400BadRequest, ErrorCodes.PersistedQueryHashMismatch,
                "provided sha does not match query");
        }

        context.RequestContext[PendingKey] = hash;
        return null;
    }

    /// <inheritdoc />
    public async ValueTask AfterExecuteAsync(GraphQLOperationContext context, ExecutionResult result)
    {
        // Registered only once the document parsed and validated: no junk in the shared store.
        if (result.Executed && context.RequestContext.TryGetValue(PendingKey, out var hash) && hash is string key && context.Request.Query is { } query)
        {
            await _store.SetAsync(key, query).ConfigureAwait(false);
            PersistedQueriesLog.Registered(_logger, key);
        }
    }

    private static GraphQLOperationOutcome Miss(GraphQLOperationContext context, string code, string message)
    {
        Caching.CacheControlFilter.MarkNotStorable(context.HttpContext, MissCacheControl);
        return GraphQLOperationOutcomes.Error(StatusCodes.Status200OK, code, message);
    }
}
