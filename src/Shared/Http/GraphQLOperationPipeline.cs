using System.Diagnostics;
using Bff.Documents;
using Bff.Limits;
using Bff.Operations;
using Bff.Stitching;
using Bff.Observability;
using Bff.Stitching.Composition;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.Http;

/// <summary>How an operation arrived, and whether its transport can carry a subscription.</summary>
/// <param name="IsGet">Whether the operation came by GET (mutations are refused then).</param>
/// <param name="MediaType">The negotiated response media type (it decides the status of request errors).</param>
/// <param name="Streams">
/// The token a subscription lives under (its connection or request), or <see langword="null"/> where the transport
/// answers once (plain HTTP), which refuses subscriptions with <c>STREAMING_TRANSPORT_REQUIRED</c>.
/// </param>
internal readonly record struct OperationRun(bool IsGet, string MediaType, CancellationToken? Streams);

/// <summary>
/// The steps every GraphQL operation takes, whatever carries it (HTTP, WebSocket, SSE): the caller's guard, the
/// operation filters (rate limits, persisted and trusted documents, response headers), parsing through the document
/// cache, and execution by GraphQL.NET. A subscription executes to its streams (<see cref="ExecutionResult.Streams"/>)
/// and outlives the request budget: it runs under <see cref="OperationRun.Streams"/> with no deadline.
/// </summary>
internal sealed partial class GraphQLOperationPipeline
{
    private readonly BffSchema _schema;
    private readonly IDocumentExecuter _executer;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly DocumentCache _cache;
    private readonly DocumentParser _parser;
    private readonly GraphQLHttpOptions _http;
    private readonly LimitOptions _limits;
    private readonly DiagnosticsOptions _diagnostics;
    private readonly Session.WebSessionOptions _session;
    private readonly ILogger<GraphQLOperationPipeline> _logger;
    private readonly IGraphQLOperationFilter[] _filters;
    private readonly string[] _forwardHeaders;
    private readonly Session.SessionAuthenticator? _sessions;
    private readonly Func<UnhandledExceptionContext, Task> _onUnhandled; // one delegate, not one per request

    public GraphQLOperationPipeline(
        BffSchema schema,
        IDocumentExecuter executer,
        IGraphQLTextSerializer serializer,
        DocumentCache cache,
        DocumentParser parser,
        GraphQLHttpOptions http,
        LimitOptions limits,
        DiagnosticsOptions diagnostics,
        Session.WebSessionOptions session,
        SourceSet sources,
        IEnumerable<IGraphQLOperationFilter> filters,
        ILogger<GraphQLOperationPipeline> logger,
        Session.SessionAuthenticator? sessions = null)
    {
        _sessions = sessions;
        _onUnhandled = OnUnhandledException;
        _filters = filters.OrderBy(f => f.Order).ToArray();
        _schema = schema;
        _executer = executer;
        _serializer = serializer;
        _cache = cache;
        _parser = parser;
        (_http, _limits, _diagnostics, _session) = (http, limits, diagnostics, session);
        _logger = logger;
        _forwardHeaders = sources.Values.SelectMany(s => s.ForwardHeaders).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Runs one operation: filters, parse, execute; the outcome's result carries streams for a subscription.</summary>
    public async Task<GraphQLOperationOutcome> RunAsync(HttpContext http, GraphQLRequest request, GraphQLCaller caller, OperationRun run, RequestBudget budget)
    {
        using var activity = OperationActivity.Start();
        var operation = new GraphQLOperationContext(http, request, run.IsGet, run.MediaType,
            new BffRequestContext(http.User, caller.ForwardedHeaders)
            {
                BearerToken = caller.Token,
                Deadline = budget.Deadline,
                RecordCalls = _diagnostics.DownstreamCalls,
            });
        Incremental.IncrementalDelivery.Attach(operation);
        if (budget.Expired)
        {
            return TimedOut(budget);
        }

        foreach (var filter in _filters)
        {
            if (await filter.BeforeExecuteAsync(operation).ConfigureAwait(false) is { } answered)
            {
                return answered;
            }
        }

        GraphQLOperationOutcome outcome;
        try
        {
            outcome = await ExecuteAsync(operation, activity, budget, run.Streams).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.Expired)
        {
            outcome = TimedOut(budget);
        }

        if (outcome.Result.Streams is null)
        {
            if (budget.Expired)
            {
                outcome = TimedOut(budget);
            }
            else
            {
                foreach (var filter in _filters)
                {
                    await filter.AfterExecuteAsync(operation, outcome.Result).ConfigureAwait(false);
                }
            }
        }

        BffTelemetry.Operations.Add(1, new KeyValuePair<string, object?>("http.response.status_code", outcome.Status));
        activity?.SetTag("http.response.status_code", outcome.Status);
        activity?.SetTag("bff.fields.resolved", operation.RequestContext.ResolvedFields);
        return outcome;
    }

    /// <summary>Answers a refused request with its status and one coded error, in <paramref name="mediaType"/>.</summary>
    public async Task RefuseAsync(HttpContext context, string mediaType, RequestRefusal refusal)
    {
        context.Response.StatusCode = refusal.Status;
        context.Response.ContentType = mediaType + "; charset=utf-8";
        await _serializer.WriteAsync(context.Response.Body, Errors(refusal), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A result with the one coded error of <paramref name="refusal"/>.</summary>
    public static ExecutionResult Errors(RequestRefusal refusal) => Errors(new BffError(refusal.Code, refusal.Message, refusal.Extensions));

    /// <summary>A result with one error.</summary>
    public static ExecutionResult Errors(ExecutionError error) => new() { Errors = [error] };

    // GraphQL.NET's own execution timeout would answer 400-ish with no data; a spent request budget is the gateway's
    // failure, so it is a 504 (as Apollo Router answers), and per-source timeouts keep ordinary slowness field-level.
    private static GraphQLOperationOutcome TimedOut(RequestBudget budget) => new(
        Errors(new BffError(ErrorCodes.GatewayTimeout,
            $"The request did not complete within {budget.Timeout.TotalMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} ms.")),
        StatusCodes.Status504GatewayTimeout);

    private async Task<GraphQLOperationOutcome> ExecuteAsync(GraphQLOperationContext operation, Activity? activity, RequestBudget budget, CancellationToken? streams)
    {
        var (http, request, isGet) = (operation.HttpContext, operation.Request, operation.IsGet);
        // Under application/graphql-response+json a request error is a 4xx; under application/json it is a 200.
        var requestErrorStatus = operation.MediaType == GraphQLMediaTypes.GraphQLResponse ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            return new(Errors(new BffError(ErrorCodes.BadRequest, "The request has no 'query'.")), StatusCodes.Status400BadRequest);
        }

        if (CheckVariables(request) is { } tooLarge)
        {
            return new(Errors(tooLarge), requestErrorStatus);
        }

        var (document, cached, refused) = _parser.Parse(operation);
        if (document is null)
        {
            return new(Errors(refused!), requestErrorStatus);
        }

        OperationActivity.Describe(activity, document, request.OperationName, request.Query);
        var type = OperationSelection.Select(document, request.OperationName)?.Operation;
        if (isGet && type == OperationType.Mutation)
        {
            return new(Errors(new BffError(ErrorCodes.MethodNotAllowed, "Mutations must be sent with POST.")), StatusCodes.Status405MethodNotAllowed);
        }

        var requestContext = operation.RequestContext;
        var cancellation = budget.Token;
        if (type == OperationType.Subscription)
        {
            if (streams is not { } lifetime)
            {
                return new(Errors(new BffError(ErrorCodes.StreamingTransportRequired,
                    "Subscriptions need a streaming transport: send the request with 'Accept: text/event-stream' (GraphQL over SSE) or over a WebSocket with the 'graphql-transport-ws' subprotocol.")),
                    StatusCodes.Status400BadRequest);
            }

            // Long-lived: no request deadline (each source's own timeout still bounds every call), and no call record
            // that would grow with every event.
            (requestContext.Deadline, requestContext.RecordCalls, cancellation) = (null, false, lifetime);
        }

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
            CancellationToken = cancellation,
            UnhandledExceptionDelegate = _onUnhandled,
        };
        var result = await _executer.ExecuteAsync(options).ConfigureAwait(false);
        if (result.Executed && !cached)
        {
            _cache.Set(request.Query, document);
        }

        if (_diagnostics.DownstreamCalls && result.Streams is null)
        {
            result.Extensions ??= [];
            result.Extensions["downstream"] = requestContext.Calls.Select(c => c.ToExtension()).ToArray();
        }

        return new(result, result.Executed ? StatusCodes.Status200OK : requestErrorStatus);
    }

    private Task OnUnhandledException(UnhandledExceptionContext context)
    {
        LogUnhandled(_logger, context.FieldContext?.FieldDefinition.Name ?? "(request)", context.OriginalException);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = LogEventIds.Http + 1, Level = LogLevel.Error, Message = "Unhandled exception while resolving {Field}")]
    private static partial void LogUnhandled(ILogger logger, string field, Exception exception);
}
