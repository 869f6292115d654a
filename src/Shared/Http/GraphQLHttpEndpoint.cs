using Bff.Incremental;
using Bff.Observability;
using Bff.Operations;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Bff.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint: GET and POST, media-type negotiation, the specification's status codes and
/// batching; each operation runs through the <see cref="GraphQLOperationPipeline"/> shared with the streaming transports.
/// </summary>
public sealed class GraphQLHttpEndpoint
{
    private readonly GraphQLOperationPipeline _pipeline;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLRequestReader _reader;
    private readonly GraphQLHttpOptions _http;
    private readonly TimeProvider _time;

    private readonly IncrementalOptions _incremental;
    private readonly DiagnosticsOptions _diagnostics;

    internal GraphQLHttpEndpoint(GraphQLOperationPipeline pipeline, IGraphQLTextSerializer serializer, GraphQLHttpOptions http, TimeProvider time,
        DiagnosticsOptions diagnostics, IncrementalOptions incremental)
    {
        _pipeline = pipeline;
        (_diagnostics, _incremental) = (diagnostics, incremental);
        _time = time;
        _serializer = serializer;
        _http = http;
        _reader = new GraphQLRequestReader(serializer, http);
    }

    /// <summary>Handles one HTTP request to the GraphQL path.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var mediaType = GraphQLMediaTypes.Negotiate(context.Request)
            ?? (_incremental.Enabled && IncrementalDelivery.Accepts(context.Request) ? GraphQLMediaTypes.Json : null);
        if (mediaType is null)
        {
            await RefuseAsync(context, GraphQLMediaTypes.Json, new(StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
                $"Accept '{GraphQLMediaTypes.GraphQLResponse}' or '{GraphQLMediaTypes.Json}'.")).ConfigureAwait(false);
            return;
        }

        var (caller, guardRefusal) = await _pipeline.GuardAsync(context).ConfigureAwait(false);
        if (guardRefusal is not null)
        {
            await RefuseAsync(context, mediaType, guardRefusal).ConfigureAwait(false);
            return;
        }

        var isGet = HttpMethods.IsGet(context.Request.Method);
        IReadOnlyList<GraphQLRequest>? requests;
        var isBatch = false;
        RequestRefusal? refusal;
        if (isGet)
        {
            var (request, getRefusal) = _reader.ReadGet(context.Request);
            (requests, refusal) = (request is null ? null : [request], getRefusal);
        }
        else if (HttpMethods.IsPost(context.Request.Method))
        {
            (requests, isBatch, refusal) = await _reader.ReadPostAsync(context.Request).ConfigureAwait(false);
        }
        else
        {
            context.Response.Headers.Allow = "GET, POST";
            refusal = new(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, "Use GET or POST.");
            requests = null;
        }

        if (refusal is not null || requests is null)
        {
            await RefuseAsync(context, mediaType, refusal!).ConfigureAwait(false);
            return;
        }

        var incremental = IncrementalDelivery.Offer(context, _incremental, isBatch);
        var outcomes = new List<(ExecutionResult Result, int Status)>(requests.Count);
        using var budget = new RequestBudget(_http.RequestTimeout, _time, context.RequestAborted);
        try
        {
            foreach (var request in requests)
            {
                var outcome = await _pipeline.RunAsync(context, request, caller, new OperationRun(isGet, mediaType, null), budget).ConfigureAwait(false);
                outcomes.Add((outcome.Result, outcome.Status));
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: its downstream calls are cancelled, and nobody is left to answer.
            await (incremental?.AbandonAsync() ?? Task.CompletedTask).ConfigureAwait(false);
            return;
        }

        if (incremental is { HasParts: true })
        {
            await (outcomes[0].Status == StatusCodes.Status200OK
                ? incremental.WriteAsync(context, outcomes[0].Result, _serializer, _diagnostics.DownstreamCalls)
                : incremental.AbandonAsync()).ConfigureAwait(false);
            if (context.Response.HasStarted)
            {
                return;
            }
        }

        if (outcomes.Any(o => o.Status == StatusCodes.Status405MethodNotAllowed))
        {
            context.Response.Headers.Allow = "POST";
        }

        context.Response.StatusCode = isBatch ? StatusCodes.Status200OK : outcomes[0].Status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        object body = isBatch ? outcomes.Select(o => o.Result).ToArray() : outcomes[0].Result;
        await _serializer.WriteAsync(context.Response.Body, body, context.RequestAborted).ConfigureAwait(false);
    }

    private Task RefuseAsync(HttpContext context, string mediaType, RequestRefusal refusal) => _pipeline.RefuseAsync(context, mediaType, refusal);
}
