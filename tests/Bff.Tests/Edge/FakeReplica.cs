using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bff.Tests.Edge;

/// <summary>
/// A stand-in for one BFF replica on loopback: answers <c>/health/ready</c> with a settable status and echoes every other
/// request (its name, the path it saw and the forwarded headers). It can be stopped and started again on its port.
/// </summary>
internal sealed class FakeReplica : IAsyncDisposable
{
    private WebApplication? _app;

    private FakeReplica(string name) => Name = name;

    public string Name { get; }

    public int Port { get; private set; }

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>Gets or sets what <c>/health/ready</c> answers: its status code and body.</summary>
    public (int Status, string Body) Readiness { get; set; } = (200, """{"status":"healthy"}""");

    public int Requests;

    public static async Task<FakeReplica> StartAsync(string name)
    {
        var replica = new FakeReplica(name);
        await replica.StartAsync();
        return replica;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", EchoWebSocketAsync);
        app.MapGet("/health/ready", () => Results.Text(Readiness.Body, "application/json", statusCode: Readiness.Status));
        app.MapGet("/graphql", () => Results.Redirect("/graphql/"));
        app.MapGet("/sse", async (HttpContext http) =>
        {
            http.Response.ContentType = "text/event-stream";
            await http.Response.WriteAsync("event: next\ndata: 1\n\n");
            await http.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await http.Response.WriteAsync("event: complete\n\n");
        });
        app.Map("/{**path}", (HttpContext http) =>
        {
            Interlocked.Increment(ref Requests);
            return Results.Json(new
            {
                replica = Name,
                path = http.Request.Path.Value,
                forwardedFor = http.Request.Headers["X-Forwarded-For"].ToString(),
                forwardedProto = http.Request.Headers["X-Forwarded-Proto"].ToString(),
                remote = http.Connection.RemoteIpAddress?.ToString(),
            });
        });
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _app = app;
    }

    /// <summary>Accepts a WebSocket (with the first subprotocol offered) and echoes each text message prefixed with its name.</summary>
    private async Task EchoWebSocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync(http.WebSockets.WebSocketRequestedProtocols.FirstOrDefault());
        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, http.RequestAborted);
            if (received.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
            {
                await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, http.RequestAborted);
                return;
            }

            var echo = System.Text.Encoding.UTF8.GetBytes($"{Name}: {System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count)}");
            await socket.SendAsync(echo, System.Net.WebSockets.WebSocketMessageType.Text, endOfMessage: true, http.RequestAborted);
        }
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(new CancellationToken(canceled: true));
            await app.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
