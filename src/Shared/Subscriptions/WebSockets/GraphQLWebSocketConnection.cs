using Microsoft.Extensions.Hosting;
using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Bff.Http;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Subscriptions.WebSockets;

/// <summary>
/// One graphql-ws socket: reads the client's messages, runs its operations through the shared pipeline and sends
/// their results through one bounded <see cref="SubscriberOutbox{T}"/> drained by a single writer. Whichever way it
/// ends (the client's close or disappearance, a protocol error, a slow client), every subscription is disposed at once.
/// </summary>
internal sealed partial class GraphQLWebSocketConnection : IAsyncDisposable
{
    // How long a closing socket may take to flush its last messages and its close frame before it is aborted.
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly GraphQLWebSocketEndpoint _endpoint;
    private readonly HttpContext _http;
    private readonly WebSocket _socket;
    private readonly SubscriberOutbox<SocketMessage> _outbox;
    private readonly ConcurrentDictionary<string, ActiveOperation> _operations = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _sending = new();
    private readonly CancellationTokenSource _reading;
    private readonly AsyncServiceScope _scope;
    private (int Code, string Reason)? _close;
    private int _closing;

    public GraphQLWebSocketConnection(GraphQLWebSocketEndpoint endpoint, HttpContext http, WebSocket socket)
    {
        (_endpoint, _http, _socket) = (endpoint, http, socket);
        _reading = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        _outbox = new SubscriberOutbox<SocketMessage>(endpoint.Options.BufferCapacity, () =>
        {
            SubscriptionsLog.TooSlow(endpoint.Logger, "WebSocket", endpoint.Options.BufferCapacity);
            Close(TooSlow.Code, TooSlow.Reason);
        });
        // Operations resolve services (and the JWT handler authenticates) in a scope of their own: the handshake's
        // request scope has already authenticated its own headers once.
        _scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
    }

    /// <summary>Runs the socket until it closes.</summary>
    public async Task RunAsync()
    {
        var options = _endpoint.Options;
        using var initTimeout = _endpoint.Time.CreateTimer(_ => CloseUnlessInitialised(), null, options.ConnectionInitTimeout, Timeout.InfiniteTimeSpan);
        using var heartbeat = _endpoint.Time.CreateTimer(_ => _outbox.TryPost(SocketMessage.Ping), null, options.KeepAliveInterval, options.KeepAliveInterval);
        // A stopping host closes its sockets (1001) at once, rather than holding shutdown until its timeout.
        using var stopping = _http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping
            .Register(() => Close(WebSocketCloseCodes.GoingAway, "The host is stopping."));
        var writer = WriteAsync();
        try
        {
            await ReadAsync().ConfigureAwait(false);
        }
        finally
        {
            // The client closed or left (or the host closed): no event is wanted any more, so every source ends now.
            EndOperations();
            _outbox.Complete();
            _sending.CancelAfter(CloseGrace);
        }

        await writer.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        EndOperations();
        _connectionLease?.Dispose();
        // _sending is left to the collector: a late timer or source callback may still close through it.
        _reading.Dispose();
        await _scope.DisposeAsync().ConfigureAwait(false);
    }

    private async Task ReadAsync()
    {
        var max = (int)Math.Min(_endpoint.Pipeline.MaxRequestBytes, int.MaxValue - 1);
        // Client messages are small (subscribe, complete, pong); 10,000 idle sockets each hold this buffer.
        var buffer = new ArrayBufferWriter<byte>(512);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.GetMemory(512), _reading.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                buffer.Advance(received.Count);
                if (buffer.WrittenCount > max)
                {
                    Close(WebSocketCloseCodes.BadRequest, $"{ErrorCodes.PayloadTooLarge}: messages are limited to {max} bytes");
                    return;
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                var text = received.MessageType == WebSocketMessageType.Text ? System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) : null;
                buffer.ResetWrittenCount();
                if (!await HandleAsync(text).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ConnectionAbortedException or IOException)
        {
            // The client went away, or the host closed the socket and stopped waiting for the client's close.
        }
    }

    private void CloseUnlessInitialised()
    {
        if (Volatile.Read(ref _initialised) == 0)
        {
            Close(WebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private void EndOperations()
    {
        foreach (var id in _operations.Keys)
        {
            if (_operations.TryRemove(id, out var operation))
            {
                operation.Dispose();
            }
        }
    }
}
