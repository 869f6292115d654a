using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Bff.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>
/// A real gRPC server (Kestrel, h2c on loopback, gRPC framing and trailers) for any contract without generated code:
/// it decodes each request with the contract, asks <c>answer</c> for the response as JSON and encodes it back.
/// </summary>
internal sealed class DynamicGrpcService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DynamicGrpcService(WebApplication app) => _app = app;

    /// <summary>Gets the address to put in <c>BaseAddress</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Gets the requests received, as <c>package.Service/Method</c> and the decoded message.</summary>
    public ConcurrentQueue<(string Method, JsonObject Request)> Requests { get; } = new();

    /// <summary>Starts a server for the unary methods of <paramref name="schema"/>.</summary>
    public static async Task<DynamicGrpcService> StartAsync(ProtoSchemaSet schema, Func<string, JsonObject, JsonObject?> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var server = new DynamicGrpcService(app);
        app.MapPost("/{service}/{method}", async (HttpContext context, string service, string method) =>
        {
            context.Response.ContentType = "application/grpc";
            if (!schema.TryFindMethod($"{service}/{method}", out var found))
            {
                context.Response.AppendTrailer("grpc-status", "12");
                return;
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var request = ProtoCodec.Decode(found.InputType, body.ToArray().AsSpan(5));
            server.Requests.Enqueue((found.FullName, request));
            if (answer(found.FullName, request) is not { } response)
            {
                context.Response.AppendTrailer("grpc-status", "5");
                return;
            }

            var payload = ProtoCodec.Encode(found.OutputType, response);
            var frame = new byte[payload.Length + 5];
            BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), payload.Length);
            payload.CopyTo(frame, 5);
            await context.Response.Body.WriteAsync(frame);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
