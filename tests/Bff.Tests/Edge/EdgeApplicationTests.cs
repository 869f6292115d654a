using System.Net;
using System.Text.Json;

namespace Bff.Tests.Edge;

/// <summary>The front door in-process against stand-in replicas: TLS, redirects, HSTS, routing by device and by host, SSE and WebSockets.</summary>
public sealed class EdgeApplicationTests : IAsyncLifetime
{
    private readonly List<FakeReplica> _replicas = [];
    private EdgeServer _edge = null!;

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "mobile-a", "mobile-b", "web-a", "web-b" })
        {
            _replicas.Add(await FakeReplica.StartAsync(name));
        }

        var settings = EdgeServer.Clusters(_replicas.Take(2), _replicas.Skip(2));
        settings["ReverseProxy:Routes:web-by-host:ClusterId"] = "web";
        settings["ReverseProxy:Routes:web-by-host:Match:Hosts:0"] = "web.bff.test";
        settings["ReverseProxy:Routes:web-by-host:Match:Path"] = "/{**rest}";
        _edge = await EdgeServer.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _edge.DisposeAsync();
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("mobile", "1.1")]
    [InlineData("web", "1.1")]
    [InlineData("mobile", "2.0")]
    [InlineData("web", "2.0")]
    public async Task Https_routes_each_device_path_to_its_replicas_with_the_prefix_stripped(string device, string version)
    {
        using var client = EdgeServer.Client(Version.Parse(version));

        using var response = await client.PostAsync(new Uri(_edge.Https, $"/{device}/graphql"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Version.Parse(version), response.Version);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith(device + "-", body.GetProperty("replica").GetString(), StringComparison.Ordinal);
        Assert.Equal("/graphql", body.GetProperty("path").GetString());
        Assert.Equal("https", body.GetProperty("forwardedProto").GetString());
        Assert.Equal("127.0.0.1", body.GetProperty("forwardedFor").GetString());
    }

    [Fact]
    public async Task Requests_are_spread_over_both_replicas()
    {
        using var client = EdgeServer.Client();

        var seen = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var body = JsonDocument.Parse(await client.GetStringAsync(new Uri(_edge.Https, "/web/api"))).RootElement;
            seen.Add(body.GetProperty("replica").GetString()!);
        }

        Assert.Equal(["web-a", "web-b"], seen.Order());
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_carries_hsts()
    {
        using var client = EdgeServer.Client();

        using var redirect = await client.GetAsync(new Uri(_edge.Http, "/mobile/graphql?x=1"));
        using var secure = new HttpRequestMessage(HttpMethod.Get, new Uri(_edge.Https, "/mobile/graphql/x")) { Headers = { Host = "bff.example" } };
        using var answer = await client.SendAsync(secure);

        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Equal(new Uri(_edge.Https, "/mobile/graphql?x=1"), redirect.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(answer.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Probe_path_answers_on_plain_http()
    {
        using var client = EdgeServer.Client();

        using var response = await client.GetAsync(new Uri(_edge.Http, "/health/live"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_replica_redirect_to_the_ide_keeps_the_device_prefix()
    {
        using var client = EdgeServer.Client();

        using var response = await client.GetAsync(new Uri(_edge.Https, "/web/graphql"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/web/graphql/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_configured_host_name_routes_without_a_prefix()
    {
        using var client = EdgeServer.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_edge.Https, "/api")) { Headers = { Host = "web.bff.test" } };

        using var response = await client.SendAsync(request);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("web-", body.GetProperty("replica").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api", body.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Server_sent_events_are_streamed_not_buffered()
    {
        using var client = EdgeServer.Client();
        var started = System.Diagnostics.Stopwatch.StartNew();

        using var response = await client.GetAsync(new Uri(_edge.Https, "/mobile/sse"), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = await reader.ReadLineAsync();
        var firstAfter = started.Elapsed;
        var rest = await reader.ReadToEndAsync();

        Assert.Equal("event: next", first);
        // The replica waits 3 s before its second event: the first must arrive well before that.
        Assert.True(firstAfter < TimeSpan.FromSeconds(2), $"first event after {firstAfter}");
        Assert.Contains("event: complete", rest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mobile", "1.1")]
    [InlineData("web", "2.0")]
    public async Task WebSockets_pass_through_with_their_subprotocol(string device, string version)
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        socket.Options.HttpVersion = Version.Parse(version);
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            SslOptions = new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        await socket.ConnectAsync(new UriBuilder(_edge.Https) { Scheme = "wss", Path = $"/{device}/ws" }.Uri, invoker, timeout.Token);
        await socket.SendAsync("ping"u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        var buffer = new byte[1024];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, timeout.Token);

        Assert.Equal("graphql-transport-ws", socket.SubProtocol);
        Assert.Matches($"^{device}-[a-z0-9]+: ping$", System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count));
        Assert.Equal(System.Net.WebSockets.WebSocketState.Closed, socket.State);
    }
}
