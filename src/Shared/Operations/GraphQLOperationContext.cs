using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Bff.Operations;

/// <summary>One GraphQL operation of an HTTP request (a batch has several), as the operation filters see it.</summary>
public sealed class GraphQLOperationContext
{
    /// <summary>Creates the context.</summary>
    public GraphQLOperationContext(HttpContext httpContext, GraphQLRequest request, bool isGet, string mediaType, BffRequestContext requestContext)
    {
        HttpContext = httpContext;
        Request = request;
        IsGet = isGet;
        MediaType = mediaType;
        RequestContext = requestContext;
    }

    /// <summary>Gets the HTTP request.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>Gets or sets the GraphQL request; a filter may replace it (e.g. fill the query of a persisted-query hash).</summary>
    public GraphQLRequest Request { get; set; }

    /// <summary>Gets a value indicating whether the operation came by GET.</summary>
    public bool IsGet { get; }

    /// <summary>Gets the negotiated response media type.</summary>
    public string MediaType { get; }

    /// <summary>Gets the per-operation state shared with resolvers.</summary>
    public BffRequestContext RequestContext { get; }

    /// <summary>Gets or sets the document the document parser made of <see cref="Request"/>'s query, so it is parsed once.</summary>
    internal (string Query, ParsedDocument Result)? Parsed { get; set; }
}

/// <summary>An answer to an operation given without executing it (or instead of the executer's own).</summary>
/// <param name="Result">The GraphQL result to send.</param>
/// <param name="Status">The HTTP status when the operation is not part of a batch.</param>
public sealed record GraphQLOperationOutcome(ExecutionResult Result, int Status);

/// <summary>
/// A step of the GraphQL endpoint around each operation: persisted queries and trusted documents before parsing,
/// response headers and cost charging after execution. Registered in DI; run in <see cref="Order"/>, lowest first.
/// </summary>
public interface IGraphQLOperationFilter
{
    /// <summary>Gets the position of the filter; lower runs first.</summary>
    int Order { get; }

    /// <summary>Runs before the document is parsed; returns an outcome to answer without executing, else <see langword="null"/>.</summary>
    ValueTask<GraphQLOperationOutcome?> BeforeExecuteAsync(GraphQLOperationContext context);

    /// <summary>Runs after execution (not for operations a filter answered).</summary>
    ValueTask AfterExecuteAsync(GraphQLOperationContext context, ExecutionResult result);
}
