using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Bff.Http;
using Bff.Operations;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.Subscriptions.ServerSentEvents;

/// <summary>
/// GraphQL over SSE at the GraphQL path, in the graphql-sse "distinct connections" mode: one operation per GET or POST
/// that accepts <c>text/event-stream</c>. The caller is refused with an HTTP status before the stream starts; every
/// later problem (validation, limits, a failing source) is a <c>next</c> event with errors, then <c>complete</c>.
/// </summary>
public sealed class GraphQLSseEndpoint
{
    /// <summary>The media type of an event stream.</summary>
    public const string EventStream = "text/event-stream";

    private readonly GraphQLOperationPipeline _pipeline;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLRequestReader _reader;
    private readonly SubscriptionOptions _options;
    private readonly CallerLimits _limits;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal GraphQLSseEndpoint(GraphQLOperationPipeline pipeline, IGraphQLTextSerializer serializer, GraphQLRequestReader reader,
        SubscriptionOptions options, CallerLimits limits, TimeProvider time, ILogger<GraphQLSseEndpoint> logger) =>
        (_pipeline, _serializer, _reader, _options, _limits, _time, _logger) = (pipeline, serializer, reader, options, limits, time, logger);

    /// <summary>Whether the request asks for an event stream (its <c>Accept</c> names <c>text/event-stream</c>).</summary>
    public static bool IsRequested(HttpRequest request) =>
        AcceptHeader.Of(request).Any(a => a.MediaType.Equals(EventStream, StringComparison.OrdinalIgnoreCase) && a.Quality is not 0);

    /// <summary>Handles one SSE request to the GraphQL path.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (caller, refusal) = await _pipeline.GuardAsync(context).ConfigureAwait(false);
        var (request, readRefusal) = refusal is null ? await ReadAsync(context).ConfigureAwait(false) : (null, null);
        refusal ??= readRefusal;
        using var connection = refusal is null ? _limits.TryConnect(CallerLimits.CallerOf(context)) : null;
        if (refusal is null && connection is null)
        {
            SubscriptionsLog.TooManyConnections(_logger, _options.MaxConnectionsPerCaller);
            refusal = new(StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyConnections,
                $"A caller may hold at most {_options.MaxConnectionsPerCaller} streaming connections at once.");
        }

        if (refusal is not null)
        {
            await _pipeline.RefuseAsync(context, GraphQLMediaTypes.Json, refusal).ConfigureAwait(false);
            return;
        }

        using var operation = new ActiveOperation();
        using var leaving = context.RequestAborted.Register(operation.Dispose);
        // A stopping host ends its event streams at once, rather than holding shutdown until its timeout.
        using var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(operation.Dispose);
        GraphQLOperationOutcome outcome;
        using (var budget = new RequestBudget(_pipeline.RequestTimeout, _time, operation.Token))
        {
            outcome = await _pipeline.RunAsync(context, request!, caller, new OperationRun(HttpMethods.IsGet(context.Request.Method), GraphQLMediaTypes.Json, operation.Token), budget)
                .ConfigureAwait(false);
        }

        if (operation.Token.IsCancellationRequested)
        {
            return;
        }

        var events = await ServerSentEventWriter.StartAsync(context, _serializer).ConfigureAwait(false);
        if (outcome.Result.Streams is not { Count: > 0 } streams)
        {
            await events.NextAsync(outcome.Result, context.RequestAborted).ConfigureAwait(false);
            await events.CompleteAsync(context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (_limits.TrySubscribe(CallerLimits.CallerOf(context)) is not { } lease)
        {
            await events.NextAsync(GraphQLOperationPipeline.Errors(new BffError(ErrorCodes.TooManySubscriptions,
                $"A caller may hold at most {_options.MaxSubscriptionsPerCaller} subscriptions at once; end one first.")), context.RequestAborted).ConfigureAwait(false);
            await events.CompleteAsync(context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await new ServerSentEventStream(events, operation, _options, _time, _logger).RunAsync(streams.Values.First(), lease, context).ConfigureAwait(false);
    }

    private async Task<(GraphQLRequest? Request, RequestRefusal? Refusal)> ReadAsync(HttpContext context)
    {
        var http = context.Request;
        if (HttpMethods.IsGet(http.Method))
        {
            return _reader.ReadGet(http);
        }

        if (!HttpMethods.IsPost(http.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            return (null, new(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, "Use GET or POST."));
        }

        var (requests, isBatch, refusal) = await _reader.ReadPostAsync(http).ConfigureAwait(false);
        return refusal is not null ? (null, refusal)
            : isBatch ? (null, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, "An event stream carries one operation, not a batch."))
            : (requests![0], null);
    }
}
