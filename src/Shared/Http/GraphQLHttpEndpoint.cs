using Bff.Operations;
using Bff.Limits;
using Bff.Documents;
using System.Diagnostics;
using Bff.Observability;
using Bff.Stitching;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Bff.Stitching.Composition;

namespace Bff.Http;

/// <summary>
/// The GraphQL-over-HTTP endpoint: GET and POST, media-type negotiation, the specification's status codes,
/// batching, and the parsed-document cache in front of GraphQL.NET's executer.
/// </summary>
public sealed partial class GraphQLHttpEndpoint
{
    private readonly BffSchema _schema;
    private readonly IDocumentExecuter _executer;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLRequestReader _reader;
    private readonly DocumentCache _cache;
    private readonly DocumentParser _parser;
    private readonly GraphQLHttpOptions _http;
    private readonly LimitOptions _limits;
    private readonly DiagnosticsOptions _diagnostics;
    private readonly ILogger<GraphQLHttpEndpoint> _logger;
    private readonly IGraphQLOperationFilter[] _filters;
    private readonly TimeProvider _time;
    private readonly string[] _forwardHeaders;
    private readonly Session.SessionAuthenticator? _sessions;

    /// <summary>Creates the endpoint.</summary>
    public GraphQLHttpEndpoint(
        BffSchema schema,
        IDocumentExecuter executer,
        IGraphQLTextSerializer serializer,
        DocumentCache cache,
        DocumentParser parser,
        GraphQLHttpOptions http,
        LimitOptions limits,
        DiagnosticsOptions diagnostics,
        SourceSet sources,
        IEnumerable<IGraphQLOperationFilter> filters,
        TimeProvider time,
        ILogger<GraphQLHttpEndpoint> logger,
        Session.SessionAuthenticator? sessions = null)
    {
        _sessions = sessions;
        _time = time;
        _filters = filters.OrderBy(f => f.Order).ToArray();
        _schema = schema;
        _executer = executer;
        _serializer = serializer;
        _cache = cache;
        _parser = parser;
        (_http, _limits, _diagnostics) = (http, limits, diagnostics);
        _logger = logger;
        _reader = new GraphQLRequestReader(serializer, http);
        _forwardHeaders = sources.Values.SelectMany(s => s.ForwardHeaders).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Handles one HTTP request to the GraphQL path.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var mediaType = GraphQLMediaTypes.Negotiate(context.Request);
        if (mediaType is null)
        {
            await RefuseAsync(context, GraphQLMediaTypes.Json, new(StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
                $"Accept '{GraphQLMediaTypes.GraphQLResponse}' or '{GraphQLMediaTypes.Json}'.")).ConfigureAwait(false);
            return;
        }

        var (caller, guardRefusal) = await GuardAsync(context).ConfigureAwait(false);
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

        var outcomes = new List<(ExecutionResult Result, int Status)>(requests.Count);
        using var budget = new RequestBudget(_http.RequestTimeout, _time, context.RequestAborted);
        try
        {
            foreach (var request in requests)
            {
                outcomes.Add(await ExecuteAsync(context, request, isGet, mediaType, caller, budget).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: its downstream calls are cancelled, and nobody is left to answer.
            return;
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

    private async Task<(ExecutionResult Result, int Status)> ExecuteAsync(HttpContext http, GraphQLRequest request, bool isGet, string mediaType, Caller caller, RequestBudget budget)
    {
        using var activity = OperationActivity.Start();
        var operation = new GraphQLOperationContext(http, request, isGet, mediaType,
            new BffRequestContext(http.User, caller.ForwardedHeaders)
            {
                BearerToken = caller.Token,
                Deadline = budget.Deadline,
                RecordCalls = _diagnostics.DownstreamCalls,
            });
        if (budget.Expired)
        {
            return TimedOut(budget);
        }

        foreach (var filter in _filters)
        {
            if (await filter.BeforeExecuteAsync(operation).ConfigureAwait(false) is { } answered)
            {
                return (answered.Result, answered.Status);
            }
        }

        ExecutionResult result;
        int status;
        try
        {
            (result, status) = await ExecuteAsync(operation, activity, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.Expired)
        {
            (result, status) = TimedOut(budget);
        }

        if (budget.Expired)
        {
            (result, status) = TimedOut(budget);
        }
        else
        {
            foreach (var filter in _filters)
            {
                await filter.AfterExecuteAsync(operation, result).ConfigureAwait(false);
            }
        }

        BffTelemetry.Operations.Add(1, new KeyValuePair<string, object?>("http.response.status_code", status));
        activity?.SetTag("http.response.status_code", status);
        activity?.SetTag("bff.fields.resolved", operation.RequestContext.ResolvedFields);
        return (result, status);
    }

    // GraphQL.NET's own execution timeout would answer 400-ish with no data; a spent request budget is the gateway's
    // failure, so it is a 504 (as Apollo Router answers), and per-source timeouts keep ordinary slowness field-level.
    private static (ExecutionResult Result, int Status) TimedOut(RequestBudget budget) => (
        Errors(new BffError(ErrorCodes.GatewayTimeout,
            $"The request did not complete within {budget.Timeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} ms.")),
        StatusCodes.Status504GatewayTimeout);

    private async Task<(ExecutionResult Result, int Status)> ExecuteAsync(GraphQLOperationContext operation, Activity? activity, CancellationToken cancellationToken)
    {
        var (http, request, isGet) = (operation.HttpContext, operation.Request, operation.IsGet);
        // Under application/graphql-response+json a request error is a 4xx; under application/json it is a 200.
        var requestErrorStatus = operation.MediaType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return (Errors(new BffError(ErrorCodes.BadRequest, "The request has no 'query'.")), StatusCodes.Status400BadRequest);
        }

        if (CheckVariables(request) is { } tooLarge)
        {
            return (Errors(tooLarge), requestErrorStatus);
        }

        var (document, cached, refused) = _parser.Parse(operation);
        if (document is null)
        {
            return (Errors(refused!), requestErrorStatus);
        }

        OperationActivity.Describe(activity, document, request.OperationName, request.Query);

        var operationType = OperationSelection.Select(document, request.OperationName)?.Operation;
        if (isGet && operationType == OperationType.Mutation)
        {
            return (Errors(new BffError(ErrorCodes.MethodNotAllowed, "Mutations must be sent with POST.")), StatusCodes.Status405MethodNotAllowed);
        }

        // One JSON answer cannot carry a stream of events: executed, a subscription would answer an empty 200.
        if (operationType == OperationType.Subscription)
        {
            return (Errors(new BffError(ErrorCodes.BadRequest, "Subscriptions need a streaming transport; this request asks for one JSON answer.")), requestErrorStatus);
        }

        var requestContext = operation.RequestContext;
        requestContext.DocumentFromCache = cached;
        var options = new ExecutionOptions
        {
            Schema = _schema.Schema,
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = requestContext,
            User = http.User,
            RequestServices = http.RequestServices,
            CancellationToken = cancellationToken,
            UnhandledExceptionDelegate = OnUnhandledException,
        };
        var result = await _executer.ExecuteAsync(options).ConfigureAwait(false);
        if (result.Executed && !cached)
        {
            _cache.Set(request.Query, document);
        }

        if (_diagnostics.DownstreamCalls)
        {
            result.Extensions ??= [];
            result.Extensions["downstream"] = requestContext.Calls.Select(c => c.ToExtension()).ToArray();
        }

        var status = result.Executed ? StatusCodes.Status200OK : requestErrorStatus;
        return (result, status);
    }

    private Task OnUnhandledException(UnhandledExceptionContext context)
    {
        LogUnhandled(_logger, context.FieldContext?.FieldDefinition.Name ?? "(request)", context.OriginalException);
        return Task.CompletedTask;
    }

    private async Task RefuseAsync(HttpContext context, string mediaType, RequestRefusal refusal)
    {
        context.Response.StatusCode = refusal.Status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await _serializer.WriteAsync(context.Response.Body, Errors(new BffError(refusal.Code, refusal.Message, refusal.Extensions)), context.RequestAborted).ConfigureAwait(false);
    }

    private static ExecutionResult Errors(ExecutionError error) => new() { Errors = [error] };

    [LoggerMessage(EventId = LogEventIds.Http + 1, Level = LogLevel.Error, Message = "Unhandled exception while resolving {Field}")]
    private static partial void LogUnhandled(ILogger logger, string field, Exception exception);
}
