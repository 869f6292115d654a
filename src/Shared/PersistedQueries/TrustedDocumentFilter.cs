using Bff.Operations;
using Bff.Caching;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace Bff.PersistedQueries;

/// <summary>
/// Trusted documents: an operation named by a manifest id (<c>documentId</c>, or Apollo's
/// <c>extensions.persistedQuery.sha256Hash</c>) runs the manifest's text. In <see cref="TrustedDocumentMode.Enforce"/>
/// mode only manifest operations run: an unknown id gets <c>PERSISTED_QUERY_NOT_FOUND</c>, any other text
/// <c>PERSISTED_QUERY_NOT_ALLOWED</c> (400), both before parsing, so nothing reaches a downstream. Runs before the
/// automatic persisted queries, which therefore cannot register a document past the allow-list.
/// </summary>
public sealed class TrustedDocumentFilter : IGraphQLOperationFilter
{
    private readonly TrustedDocumentSet _documents;
    private readonly TrustedDocumentMode _mode;

    /// <summary>Creates the filter.</summary>
    public TrustedDocumentFilter(TrustedDocumentSet documents, TrustedDocumentMode mode)
    {
        _documents = documents;
        _mode = mode;
    }

    /// <inheritdoc />
    public int Order => FilterOrder.TrustedDocuments;

    /// <inheritdoc />
    public ValueTask<GraphQLOperationOutcome?> BeforeExecuteAsync(GraphQLOperationContext context) =>
        ValueTask.FromResult(Check(context));

    /// <inheritdoc />
    public ValueTask AfterExecuteAsync(GraphQLOperationContext context, ExecutionResult result) => ValueTask.CompletedTask;

    private GraphQLOperationOutcome? Check(GraphQLOperationContext context)
    {
        if (_mode is TrustedDocumentMode.Off or TrustedDocumentMode.Auto)
        {
            return null;
        }

        var request = context.Request;
        var query = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query;
        var id = PersistedQueryRequest.DocumentId(request);
        if (id is not null && _documents.TryGet(id, out var body))
        {
            if (query is not null && query != body)
            {
                return GraphQLOperationOutcomes.Error(StatusCodes.Status400BadRequest, ErrorCodes.PersistedQueryHashMismatch,
                    $"The document sent is not the trusted document '{id}'.");
            }

            context.Request = PersistedQueryRequest.WithQuery(request, body);
            return null;
        }

        if (_mode == TrustedDocumentMode.Allow)
        {
            return null;
        }

        if (query is not null && _documents.Contains(query))
        {
            context.Request = PersistedQueryRequest.WithQuery(request, query);
            return null;
        }

        CacheControlFilter.MarkNotStorable(context.HttpContext, PersistedQueryFilter.MissCacheControl);
        return query is null && id is not null
            ? GraphQLOperationOutcomes.Error(StatusCodes.Status200OK, ErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound")
            : GraphQLOperationOutcomes.Error(StatusCodes.Status400BadRequest, ErrorCodes.PersistedQueryNotAllowed,
                "This host runs trusted documents only, and this operation is not one of them: send the id of an operation from the app manifest.");
    }
}
