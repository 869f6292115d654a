using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.Tests.Fixtures;

/// <summary>
/// An OTLP/HTTP collector on a free loopback port, as a host exports to with <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>:
/// it decodes the spans POSTed to <c>/v1/traces</c> and counts the exports of every signal.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentDictionary<string, int> _exports = new(StringComparer.Ordinal);

    private OtlpReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Urls.Add("http://127.0.0.1:0");
        _app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _exports.AddOrUpdate(signal, 1, (_, n) => n + 1);
            if (signal == "traces")
            {
                foreach (var span in OtlpSpan.ReadExport(body.ToArray()))
                {
                    _spans.Enqueue(span);
                }
            }

            // An empty Export*ServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
    }

    /// <summary>Gets the base address to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Gets the spans received so far.</summary>
    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    /// <summary>Gets how many exports each signal (<c>traces</c>, <c>metrics</c>, <c>logs</c>) sent so far.</summary>
    public IReadOnlyDictionary<string, int> Exports => new Dictionary<string, int>(_exports, StringComparer.Ordinal);

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
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
}
