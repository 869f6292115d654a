using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;

namespace Bff.Samples.Reviews;

/// <summary>
/// A minimal GraphQL-over-HTTP endpoint (GraphQL.NET's server package is not available here): a JSON POST with
/// <c>query</c>, <c>variables</c> and <c>operationName</c>, answered with <c>application/json</c>.
/// </summary>
internal static class GraphQLEndpoint
{
    public static async Task HandleAsync(HttpContext http, ISchema schema, IDocumentExecuter executer, IGraphQLTextSerializer serializer, OperationLog operations, IntrospectionGuard guard)
    {
        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            request = null;
        }

        ExecutionResult result;
        if (request?.Query is not { Length: > 0 } query)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            result = new ExecutionResult { Errors = [new ExecutionError("A JSON body with a 'query' is required.")] };
        }
        else if (!guard.Allows(query, http.Request.Headers.Authorization))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            result = new ExecutionResult { Errors = [new ExecutionError("Introspection needs a bearer token.") { Code = "UNAUTHENTICATED" }] };
        }
        else
        {
            operations.Record(new ReceivedOperation(query, request.Variables is null ? null : serializer.Serialize(request.Variables), request.OperationName));
            result = await executer.ExecuteAsync(new ExecutionOptions
            {
                Schema = schema,
                Query = query,
                Variables = request.Variables,
                OperationName = request.OperationName,
                RequestServices = http.RequestServices,
                CancellationToken = http.RequestAborted,
            });
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }
}
