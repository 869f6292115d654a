using System.Buffers.Binary;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Bff.Tests.Fixtures;

/// <summary>
/// An OTLP collector on a free loopback port, speaking OTLP/HTTP (<c>http/protobuf</c>: POSTs to <c>/v1/traces</c>,
/// <c>/v1/metrics</c>, <c>/v1/logs</c>) or OTLP/gRPC over h2c (<c>grpc</c>, as the compose file configures the hosts).
/// It decodes the spans it receives and counts the exports of every signal.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentDictionary<string, int> _exports = new(StringComparer.Ordinal);

    private OtlpReceiver(bool grpc)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (grpc)
        {
            // gRPC without TLS is HTTP/2 with prior knowledge: the endpoint must speak HTTP/2 only.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
        }

        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            Received(signal, await ReadAsync(context.Request.Body));
            // An empty Export*ServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        _app.MapPost("/opentelemetry.proto.collector.{signal}.v1.{service}/Export", async (string signal, HttpContext context) =>
        {
            var frame = await ReadAsync(context.Request.Body);
            // A gRPC message: 1 byte compressed flag, 4 bytes big-endian length, then the protobuf message.
            Received(signal == "trace" ? "traces" : signal, frame.AsSpan(5, (int)BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1, 4))).ToArray());
            context.Response.ContentType = "application/grpc";
            context.Response.AppendTrailer("grpc-status", "0");
            await context.Response.Body.WriteAsync(new byte[5]);
        });
    }

    /// <summary>Gets the base address to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Gets the spans received so far.</summary>
    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    /// <summary>Gets how many exports each signal (<c>traces</c>, <c>metrics</c>, <c>logs</c>) sent so far.</summary>
    public IReadOnlyDictionary<string, int> Exports => new Dictionary<string, int>(_exports, StringComparer.Ordinal);

    /// <summary>Starts a receiver of OTLP/HTTP, or of OTLP/gRPC when <paramref name="grpc"/> is set.</summary>
    public static async Task<OtlpReceiver> StartAsync(bool grpc = false)
    {
        var receiver = new OtlpReceiver(grpc);
        await receiver._app.StartAsync();
        receiver.Url = new Uri(receiver._app.Urls.First());
        return receiver;
    }

    /// <summary>Waits until <paramref name="done"/> holds for the spans received, or <paramref name="timeout"/> passes.</summary>
    public async Task<IReadOnlyList<OtlpSpan>> WaitForAsync(Func<IReadOnlyList<OtlpSpan>, bool> done, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!done(Spans) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return Spans;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task<byte[]> ReadAsync(Stream body)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private void Received(string signal, byte[] message)
    {
        _exports.AddOrUpdate(signal, 1, (_, n) => n + 1);
        if (signal == "traces")
        {
            foreach (var span in OtlpSpan.ReadExport(message))
            {
                _spans.Enqueue(span);
            }
        }
    }
}
