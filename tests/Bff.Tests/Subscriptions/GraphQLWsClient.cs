using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Bff.Tests.Subscriptions;

/// <summary>A graphql-transport-ws client over a real <see cref="ClientWebSocket"/>, reading one message at a time.</summary>
public sealed class GraphQLWsClient : IAsyncDisposable
{
    private GraphQLWsClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<GraphQLWsClient> ConnectAsync(Uri uri, string? origin = null, string subprotocol = "graphql-transport-ws")
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subprotocol);
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(uri, timeout.Token);
        return new GraphQLWsClient(socket);
    }

    /// <summary>Connects, sends <c>connection_init</c> (with the token, if any) and waits for <c>connection_ack</c>.</summary>
    public static async Task<GraphQLWsClient> ConnectAndInitAsync(Uri uri, string? token = null)
    {
        var client = await ConnectAsync(uri);
        await client.InitAsync(token);
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack?["type"]?.GetValue<string>());
        return client;
    }

    public Task InitAsync(string? token = null) => SendAsync(new JsonObject
    {
        ["type"] = "connection_init",
        ["payload"] = token is null ? new JsonObject() : new JsonObject { ["Authorization"] = "Bearer " + token },
    });

    public Task SubscribeAsync(string id, string query, JsonObject? variables = null) => SendAsync(new JsonObject
    {
        ["id"] = id,
        ["type"] = "subscribe",
        ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables },
    });

    public Task CompleteAsync(string id) => SendAsync(new JsonObject { ["id"] = id, ["type"] = "complete" });

    public async Task SendAsync(JsonNode message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Reads the next message other than a heartbeat <c>ping</c>; <see langword="null"/> once the host closed the socket.</summary>
    public async Task<JsonObject?> ReceiveAsync(bool skipPings = true, int seconds = 10)
    {
        while (true)
        {
            var message = await ReceiveRawAsync(seconds);
            if (message is null || !skipPings || message["type"]?.GetValue<string>() != "ping")
            {
                return message;
            }
        }
    }

    /// <summary>Reads until the host closes the socket; returns its close code and reason.</summary>
    public async Task<(int? Code, string? Reason)> ClosedAsync(int seconds = 10)
    {
        while (await ReceiveRawAsync(seconds) is not null)
        {
        }

        return ((int?)Socket.CloseStatus, Socket.CloseStatusDescription);
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The host went first.
            }
        }

        Socket.Dispose();
    }

    private async Task<JsonObject?> ReceiveRawAsync(int seconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        using var text = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await Socket.ReceiveAsync(buffer, timeout.Token);
            }
            catch (WebSocketException)
            {
                return null; // aborted by the host
            }

            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(text.ToArray())!.AsObject();
            }
        }
    }
}
