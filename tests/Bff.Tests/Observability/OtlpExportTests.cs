using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bff.PersistedQueries;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Bff.Tests.Observability;

[Collection(RedisCollection.Name)]
public sealed class OtlpExportTests(DemoServicesFixture demo, RedisServer redis)
{
    private const string Query = """query ProfileAndProposal { profile(id: "p1") { id } proposal(id: "pr1") { id } }""";

    [Fact]
    public async Task One_trace_spans_the_client_the_host_and_its_REST_and_gRPC_calls_and_reaches_the_services()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var settings = new Dictionary<string, string?>(demo.AddressSettings)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "web-bff-under-test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Bff:Redis:KeyPrefix"] = "otlp-" + Guid.NewGuid().ToString("N"),
        };
        using var host = await HostProcess.StartAsync("WebBff", settings);
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var clientSpanId = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64(1, long.MaxValue)));

        using var http = new HttpClient { BaseAddress = host.Url };
        var probeTraceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        using (var probe = new HttpRequestMessage(HttpMethod.Get, "/health/ready"))
        {
            probe.Headers.Add("traceparent", $"00-{probeTraceId}-{clientSpanId}-01");
            Assert.True((await http.SendAsync(probe)).IsSuccessStatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = Query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains("\"pr1\"", body, StringComparison.Ordinal);

        var spans = (await receiver.WaitForAsync(
                s => s.Count(x => x.TraceId == traceId && x.Scope == "System.Net.Http") >= 2 && s.Any(x => x.TraceId == traceId && x.Kind == OtlpSpan.Server)
                    && s.Any(x => x.TraceId == traceId && x.Scope.Contains("StackExchangeRedis", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(30)))
            .Where(s => s.TraceId == traceId).ToList();
        var spanList = string.Join('\n', spans.Select(s => $"{s.Scope} {s.Kind} {s.Name} {s.SpanId} <- {s.ParentSpanId}"));

        Assert.True(spans.Count >= 7, spanList);
        var server = Assert.Single(spans, s => s.Kind == OtlpSpan.Server);
        Assert.Equal(clientSpanId, server.ParentSpanId);
        Assert.Equal("web-bff-under-test", server.Service);
        var operation = Assert.Single(spans, s => s.Scope == "Bff" && s.Kind == OtlpSpan.Internal);
        Assert.Equal("query ProfileAndProposal", operation.Name);
        Assert.Equal(server.SpanId, operation.ParentSpanId);
        Assert.Equal("query", operation.Attributes["graphql.operation.type"]);
        Assert.Equal("ProfileAndProposal", operation.Attributes["graphql.operation.name"]);
        Assert.Equal(Sha256Hex.Of(Query), operation.Attributes["bff.document.hash"]);
        Assert.Equal("200", operation.Attributes["http.response.status_code"]);
        Assert.DoesNotContain(spans.SelectMany(s => s.Attributes), a => a.Key == "graphql.document" || a.Value.Contains("profile(id:", StringComparison.Ordinal));

        foreach (var (source, service, grpc) in new[] { ("profiles", demo.ProfilesLog, false), ("proposals", demo.ProposalsLog, true) })
        {
            var call = Assert.Single(spans, s => s.Scope == "Bff" && s.Kind == OtlpSpan.Client && s.Attributes.GetValueOrDefault("bff.source") == source);
            Assert.Equal(operation.SpanId, call.ParentSpanId);
            Assert.Equal("ok", call.Attributes["bff.outcome"]);
            var parent = call;
            if (grpc)
            {
                // Grpc.Net.Client's own span sits between the gateway's call and the HTTP/2 request.
                parent = Assert.Single(spans, s => s.ParentSpanId == call.SpanId);
                Assert.Equal("marketplace.proposals.v1.ProposalService/GetProposal", parent.Name);
            }

            var send = Assert.Single(spans, s => s.Scope == "System.Net.Http" && s.ParentSpanId == parent.SpanId);
            Assert.Equal(OtlpSpan.Client, send.Kind);
            // The downstream service saw this very HTTP span as the caller: same trace, parent = the HttpClient span.
            Assert.Contains(service.Recent, r => r.TraceParent == $"00-{traceId}-{send.SpanId}-01");
        }

        // The response cache and the rate limiter used Redis for this request: its commands are spans of the same trace.
        var command = spans.First(s => s.Scope.Contains("StackExchangeRedis", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.SpanId == command.ParentSpanId);
        // The readiness probe (which PINGs Redis) is neither traced nor leaves Redis spans of its own.
        Assert.DoesNotContain(receiver.Spans, s => s.TraceId == probeTraceId || s.Name == "PING");

        var exports = await WaitForExportsAsync(receiver, "metrics", "logs");
        Assert.True(exports.GetValueOrDefault("metrics") > 0, "no metrics export");
        Assert.True(exports.GetValueOrDefault("logs") > 0, "no logs export");
    }

    [Fact]
    public async Task Exports_over_OTLP_gRPC_as_the_compose_file_configures_the_hosts()
    {
        await using var receiver = await OtlpReceiver.StartAsync(grpc: true);
        var settings = new Dictionary<string, string?>(demo.AddressSettings)
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc",
            ["OTEL_SERVICE_NAME"] = "mobile-bff",
            // As in the compose file: the demo lets the mobile host run any query.
            ["Bff:TrustedDocuments:Mode"] = "Allow",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        using var host = await HostProcess.StartAsync("MobileBff", settings);
        using var http = new HttpClient { BaseAddress = host.Url };

        using var response = await http.PostAsync("/graphql", new StringContent(
            new JsonObject { ["query"] = """query Job { job(id: "j1") { id } }""" }.ToJsonString(), Encoding.UTF8, "application/json"));
        var spans = await receiver.WaitForAsync(s => s.Any(x => x.Name == "query Job"), TimeSpan.FromSeconds(20));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var operation = Assert.Single(spans, s => s.Name == "query Job");
        Assert.Equal("mobile-bff", operation.Service);
        Assert.Contains($"exported over OTLP (grpc) to {receiver.Url}", host.Output, StringComparison.Ordinal);
        Assert.Contains(spans, s => s.TraceId == operation.TraceId && s.ParentSpanId == operation.SpanId && s.Attributes.GetValueOrDefault("bff.source") == "jobs");
    }

    [Fact]
    public async Task Without_an_endpoint_no_exporter_is_registered_and_nothing_is_exported()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        using var off = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_SERVICE_NAME"] = "web-bff-without-endpoint",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });

        var (status, _) = await off.PostAsync(Query);
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal(200, status);
        Assert.Null(off.Services.GetService<TracerProvider>());
        Assert.Null(off.Services.GetService<MeterProvider>());
        Assert.Null(off.Services.GetService<OpenTelemetry.Logs.LoggerProvider>());
        Assert.DoesNotContain(off.Services.GetServices<ILoggerProvider>(), p => p.GetType().Namespace!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.DoesNotContain(off.Services.GetServices<IHostedService>(), s => s.GetType().Namespace!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.Empty(receiver.Exports);

        // The same host with an endpoint does register them: the assertions above can fail.
        using var on = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        Assert.NotNull(on.Services.GetService<TracerProvider>());
        Assert.NotNull(on.Services.GetService<MeterProvider>());
        Assert.Equal(200, (await on.PostAsync(Query)).Status);
        // Without OTEL_SERVICE_NAME the service is named after the host's assembly.
        var named = await receiver.WaitForAsync(s => s.Any(x => x.Service == "Bff.WebBff"), TimeSpan.FromSeconds(20));
        Assert.Contains(named, s => s.Service == "Bff.WebBff" && s.Name == "query ProfileAndProposal");
    }

    [Fact]
    public void Says_at_start_up_where_telemetry_goes_or_that_it_goes_nowhere()
    {
        using var logs = new LogCapture();
        var off = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = " " }).Build();
        var on = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4317" }).Build();

        Bff.Hosting.OtlpExport.Log(off, logs.CreateLogger("Bff.Hosting"));
        Bff.Hosting.OtlpExport.Log(on, logs.CreateLogger("Bff.Hosting"));

        Assert.Equal(1, logs.Count(6));
        Assert.Contains(logs.Entries, e => e.EventId.Id == 5 && e.Message.EndsWith("over OTLP (grpc) to http://collector:4317", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyDictionary<string, int>> WaitForExportsAsync(OtlpReceiver receiver, params string[] signals)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!signals.All(receiver.Exports.ContainsKey) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        return receiver.Exports;
    }
}
