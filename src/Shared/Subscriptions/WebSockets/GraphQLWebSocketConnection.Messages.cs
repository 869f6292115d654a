using System.Text.Json;
using Bff.Http;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Bff.Subscriptions.WebSockets;

/// <summary>The client's messages: <c>connection_init</c>, <c>ping</c>, <c>pong</c>, <c>subscribe</c>, <c>complete</c>.</summary>
internal sealed partial class GraphQLWebSocketConnection
{
    private int _initialised;
    private volatile bool _acknowledged;
    private IDisposable? _connectionLease;
    private HttpContext? _caller;
    private GraphQLCaller _identity = GraphQLCaller.Anonymous;
    private string _callerKey = "";

    /// <summary>Handles one message; <see langword="false"/> when the socket is closing.</summary>
    private async Task<bool> HandleAsync(string? text)
    {
        OperationMessage? message = null;
        try
        {
            message = text is null ? null : _endpoint.Serializer.Deserialize<OperationMessage>(text);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            // Answered below, as any other invalid message.
        }

        switch (message?.Type)
        {
            case "connection_init":
                if (Interlocked.Exchange(ref _initialised, 1) != 0)
                {
                    Close(WebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
                    return false;
                }

                return await InitialiseAsync(message.Payload).ConfigureAwait(false);
            case "ping":
                _outbox.TryPost(SocketMessage.Pong);
                return true;
            case "pong":
                return true;
            case "subscribe":
                return Subscribe(message.Id, message.Payload);
            case "complete":
                if (message.Id is { } id && _operations.TryRemove(id, out var operation))
                {
                    operation.Dispose();
                }

                return true;
            default:
                Close(WebSocketCloseCodes.BadRequest, message is null ? "Invalid message" : $"Unknown message type '{message.Type}'");
                return false;
        }
    }

    private async Task<bool> InitialiseAsync(object? payload)
    {
        var caller = OperationHttpContext.For(_http, _scope.ServiceProvider);
        if (ReadAuthorization(payload) is { } authorization)
        {
            caller.Request.Headers.Authorization = authorization;
        }

        var (identity, refusal) = await _endpoint.Pipeline.GuardOriginCheckedAsync(caller).ConfigureAwait(false);
        if (refusal is not null)
        {
            Close(WebSocketCloseCodes.Forbidden, $"{refusal.Code}: {refusal.Message}");
            return false;
        }

        _callerKey = CallerLimits.CallerOf(caller);
        _connectionLease = _endpoint.Limits.TryConnect(_callerKey);
        if (_connectionLease is null)
        {
            SubscriptionsLog.TooManyConnections(_endpoint.Logger, _endpoint.Options.MaxConnectionsPerCaller);
            Close(WebSocketCloseCodes.Forbidden, $"{ErrorCodes.TooManyConnections}: at most {_endpoint.Options.MaxConnectionsPerCaller} connections per caller");
            return false;
        }

        (_caller, _identity) = (caller, identity);
        _acknowledged = true;
        _outbox.TryPost(SocketMessage.Ack);
        return true;
    }

    // The token travels in the payload ({"Authorization": "Bearer …"}, either case): browsers cannot set headers on a handshake.
    private string? ReadAuthorization(object? payload)
    {
        if (payload is null)
        {
            return null;
        }

        var values = _endpoint.Serializer.ReadNode<Inputs>(payload);
        return values is null ? null
            : values.TryGetValue("Authorization", out var upper) && upper is string a ? a
            : values.TryGetValue("authorization", out var lower) && lower is string b ? b
            : null;
    }

    private bool Subscribe(string? id, object? payload)
    {
        if (!_acknowledged)
        {
            Close(WebSocketCloseCodes.Unauthorized, "Unauthorized");
            return false;
        }

        GraphQLRequest? request = null;
        try
        {
            request = payload is null ? null : _endpoint.Serializer.ReadNode<GraphQLRequest>(payload);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            // Refused below.
        }

        if (string.IsNullOrEmpty(id) || request is null)
        {
            Close(WebSocketCloseCodes.BadRequest, "A subscribe message needs an 'id' and a 'payload' with the request");
            return false;
        }

        var operation = new ActiveOperation();
        if (!_operations.TryAdd(id, operation))
        {
            Close(WebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return false;
        }

        _ = RunOperationAsync(id, request, operation);
        return true;
    }
}
