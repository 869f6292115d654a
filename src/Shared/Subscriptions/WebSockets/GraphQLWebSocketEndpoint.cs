using Bff.Http;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.Subscriptions.WebSockets;

/// <summary>
/// GraphQL over WebSocket at the GraphQL path, by the <c>graphql-transport-ws</c> protocol (graphql-ws): checks the
/// handshake's <c>Origin</c> and subprotocol, then runs one <see cref="GraphQLWebSocketConnection"/> per socket.
/// </summary>
public sealed class GraphQLWebSocketEndpoint
{
    /// <summary>The subprotocol of the graphql-ws protocol (the older <c>graphql-ws</c> subprotocol is another, deprecated protocol).</summary>
    public const string Subprotocol = "graphql-transport-ws";

    internal GraphQLWebSocketEndpoint(GraphQLOperationPipeline pipeline, IGraphQLTextSerializer serializer, SubscriptionOptions options,
        CallerLimits limits, TimeProvider time, ILogger<GraphQLWebSocketEndpoint> logger)
    {
        (Pipeline, Serializer, Options, Limits, Time, Logger) = (pipeline, serializer, options, limits, time, logger);
        Origins = new OriginPolicy(options);
    }

    internal GraphQLOperationPipeline Pipeline { get; }

    internal IGraphQLTextSerializer Serializer { get; }

    internal SubscriptionOptions Options { get; }

    internal CallerLimits Limits { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    private OriginPolicy Origins { get; }

    /// <summary>Handles a WebSocket handshake to the GraphQL path; refusals are answered before the upgrade, as JSON.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Origins.Allows(context.Request))
        {
            SubscriptionsLog.OriginRefused(Logger, context.Request.Headers.Origin.ToString());
            await Pipeline.RefuseAsync(context, GraphQLMediaTypes.Json, new(StatusCodes.Status403Forbidden, ErrorCodes.OriginNotAllowed,
                "Pages of this origin may not open a WebSocket here (Bff:Subscriptions:AllowedOrigins).")).ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(Subprotocol))
        {
            await Pipeline.RefuseAsync(context, GraphQLMediaTypes.Json, new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest,
                $"Request the WebSocket subprotocol '{Subprotocol}' (graphql-ws).")).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(Subprotocol).ConfigureAwait(false);
        await using var connection = new GraphQLWebSocketConnection(this, context, socket);
        await connection.RunAsync().ConfigureAwait(false);
    }
}
