using System.Net;
using System.Text;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Edge;

/// <summary>
/// The built front door and a built web host, both exporting over OTLP to an in-test receiver: one request makes one
/// trace from the client's span through the front door's server and forwarding spans to the host and its downstream call.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class EdgeTelemetryTests(DemoServicesFixture demo)
{
    [Fact]
    public async Task One_trace_runs_from_the_client_through_the_front_door_and_the_host_to_the_downstream_service()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var otel = new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        };
        using var host = await HostProcess.StartAsync("WebBff", new Dictionary<string, string?>(demo.AddressSettings)
        {
            ["OTEL_SERVICE_NAME"] = "web-bff-behind-edge",
            ["Bff:RateLimiting:TrustedProxies:0"] = "127.0.0.1/32",
            [$"OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        var (https, http) = (LoopbackPort.Free(), LoopbackPort.Free());
        using var edge = BuiltProgram.Start("src/Edge", "Bff.Edge", new Dictionary<string, string>(otel)
        {
            ["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{http}",
            ["Kestrel__Endpoints__Https__Url"] = $"https://127.0.0.1:{https}",
            ["ReverseProxy__Clusters__web__Destinations__web-1__Address"] = host.Url.ToString(),
            ["ReverseProxy__Clusters__web__Destinations__web-2__Address"] = host.Url.ToString(),
        });
        await edge.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var clientSpanId = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64(1, long.MaxValue)));

        using var client = EdgeServer.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://127.0.0.1:{https}/web/graphql")
        {
            Content = new StringContent("""{"query":"{ profile(id: \"p1\") { id } }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{clientSpanId}-01");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"p1\"", body, StringComparison.Ordinal);

        var spans = (await receiver.WaitForAsync(
                s => s.Count(x => x.TraceId == traceId && x.Kind == OtlpSpan.Server) >= 2
                    && s.Any(x => x.TraceId == traceId && x.Scope == "Bff" && x.Kind == OtlpSpan.Client),
                TimeSpan.FromSeconds(30)))
            .Where(s => s.TraceId == traceId).ToList();
        var list = string.Join('\n', spans.Select(s => $"{s.Service} {s.Scope} {s.Kind} {s.Name} {s.SpanId} <- {s.ParentSpanId}"));

        // Seen to fail once in a full run with no span of the front door at all: say what did arrive, and what it printed.
        Assert.True(spans.Any(s => s.Service == "bff-edge"),
            $"no span of the front door in trace {traceId}; spans of the trace:\n{list}\nservices exporting: "
            + string.Join(", ", receiver.Spans.Select(s => s.Service).Distinct()) + "\nfront door output:\n" + edge.Output[^Math.Min(edge.Output.Length, 3000)..]);
        var edgeServer = Assert.Single(spans, s => s.Service == "bff-edge" && s.Kind == OtlpSpan.Server);
        Assert.True(edgeServer.ParentSpanId == clientSpanId, list);
        var forward = Assert.Single(spans, s => s.Service == "bff-edge" && s.Kind == OtlpSpan.Client);
        Assert.True(forward.ParentSpanId == edgeServer.SpanId, list);
        var hostServer = Assert.Single(spans, s => s.Service == "web-bff-behind-edge" && s.Kind == OtlpSpan.Server);
        Assert.True(hostServer.ParentSpanId == forward.SpanId, list);
        var call = Assert.Single(spans, s => s.Scope == "Bff" && s.Kind == OtlpSpan.Client);
        Assert.Equal("profiles", call.Attributes["bff.source"]);
        // The front door's probes of the replica (every second) are not traced.
        Assert.DoesNotContain(receiver.Spans, s => s.Service == "bff-edge" && s.Attributes.Values.Any(v => v.Contains("/health/", StringComparison.Ordinal)));
    }
}
