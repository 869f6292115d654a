using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Subscriptions;

/// <summary>graphql-ws over a real WebSocket: the protocol's messages and close codes, order, and the source's lifetime.</summary>
public sealed class GraphQLWebSocketTests
{
    private const string Events = "subscription($t: String!) { events(topic: $t) { seq text } }";

    private static JsonObject Topic(string topic) => new() { ["t"] = topic };

    private static string? Code(JsonNode? error) => error?["extensions"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task Events_arrive_in_order_and_the_stream_completes()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri, TestTokens.For("alice"));
        await client.SubscribeAsync("1", Events, Topic("a"));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));

        for (var i = 1; i <= 50; i++)
        {
            host.Source.Publish("a", new TestEvent(i, "event " + i));
        }

        for (var i = 1; i <= 50; i++)
        {
            var next = await client.ReceiveAsync();
            Assert.Equal("next", next?["type"]?.GetValue<string>());
            Assert.Equal("1", next?["id"]?.GetValue<string>());
            Assert.Equal(i, next?["payload"]?["data"]?["events"]?["seq"]?.GetValue<int>());
        }

        host.Source.Complete("a");
        var complete = await client.ReceiveAsync();
        Assert.Equal("complete", complete?["type"]?.GetValue<string>());
        Assert.Equal("1", complete?["id"]?.GetValue<string>());
    }

    [Fact]
    public async Task Queries_and_mutations_run_over_the_socket()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SubscribeAsync("q", "{ hello }");
        var next = await client.ReceiveAsync();
        Assert.Equal("world", next?["payload"]?["data"]?["hello"]?.GetValue<string>());
        Assert.Equal("complete", (await client.ReceiveAsync())?["type"]?.GetValue<string>());

        await client.SubscribeAsync("m", """mutation { publish(topic: "nobody", text: "x") }""");
        Assert.Equal(0, (await client.ReceiveAsync())?["payload"]?["data"]?["publish"]?.GetValue<int>());
    }

    [Fact]
    public async Task An_invalid_document_gets_an_error_message_with_its_code()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SubscribeAsync("bad", "subscription { events(topic: \"a\") { nope } }");
        var error = await client.ReceiveAsync();
        Assert.Equal("error", error?["type"]?.GetValue<string>());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", Code(error?["payload"]?[0]));
        Assert.Equal(0, host.Source.Subscribed);
    }

    [Fact]
    public async Task Subscribe_before_connection_init_closes_4401()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAsync(host.WebSocketUri);
        await client.SubscribeAsync("1", Events, Topic("a"));
        Assert.Equal(4401, (await client.ClosedAsync()).Code);
        Assert.Equal(0, host.Source.Subscribed);
    }

    [Fact]
    public async Task No_connection_init_in_time_closes_4408()
    {
        using var host = new SubscriptionHost(new() { ["Bff:Subscriptions:ConnectionInitTimeout"] = "00:00:00.300" });
        await using var client = await GraphQLWsClient.ConnectAsync(host.WebSocketUri);
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4408, code);
        Assert.Equal("Connection initialisation timeout", reason);
    }

    [Fact]
    public async Task A_second_connection_init_closes_4429()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.InitAsync();
        Assert.Equal(4429, (await client.ClosedAsync()).Code);
    }

    [Fact]
    public async Task A_duplicate_subscription_id_closes_4409_and_ends_the_first()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SubscribeAsync("same", Events, Topic("a"));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));
        await client.SubscribeAsync("same", Events, Topic("a"));
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4409, code);
        Assert.Equal("Subscriber for same already exists", reason);
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Disposed == 1));
    }

    [Fact]
    public async Task An_unknown_message_closes_4400()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SendAsync(new JsonObject { ["type"] = "start", ["id"] = "1" });
        Assert.Equal(4400, (await client.ClosedAsync()).Code);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("expired")]
    public async Task A_refused_token_closes_4403_with_its_code(string kind)
    {
        using var host = new SubscriptionHost();
        var token = kind == "expired" ? TestTokens.For("alice", DateTime.UtcNow.AddMinutes(-5)) : "not.a.jwt";
        await using var client = await GraphQLWsClient.ConnectAsync(host.WebSocketUri);
        await client.InitAsync(token);
        var (code, reason) = await client.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.StartsWith("UNAUTHENTICATED:", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_gets_pong_and_an_idle_connection_gets_heartbeats()
    {
        using var host = new SubscriptionHost(new() { ["Bff:Subscriptions:KeepAliveInterval"] = "00:00:00.200" });
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        Assert.Equal("ping", (await client.ReceiveAsync(skipPings: false, seconds: 5))?["type"]?.GetValue<string>());
        await client.SendAsync(new JsonObject { ["type"] = "ping" });
        Assert.Equal("pong", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task The_client_completing_disposes_the_source_at_once()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SubscribeAsync("1", Events, Topic("a"));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));
        await client.CompleteAsync("1");
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Disposed == 1 && host.Source.Active == 0));
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task The_client_leaving_disposes_the_source()
    {
        using var host = new SubscriptionHost();
        var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SubscribeAsync("1", Events, Topic("a"));
        await client.SubscribeAsync("2", Events, Topic("b"));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 2));
        client.Socket.Abort();
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Disposed == 2 && host.Source.Active == 0));
        await client.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_source_sends_an_error_event_with_its_code_then_complete()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SubscribeAsync("1", Events, Topic("a"));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));
        host.Source.Fail("a", new BffError(ErrorCodes.DownstreamUnavailable, "The proposals stream is unavailable."));
        var next = await client.ReceiveAsync();
        Assert.Equal("next", next?["type"]?.GetValue<string>());
        Assert.Equal("DOWNSTREAM_UNAVAILABLE", Code(next?["payload"]?["errors"]?[0]));
        Assert.Equal("complete", (await client.ReceiveAsync())?["type"]?.GetValue<string>());
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 0));
    }

    [Fact]
    public async Task Authorize_on_a_subscription_field_refuses_with_a_code_and_opens_no_stream()
    {
        using var host = new SubscriptionHost();
        await using var anonymous = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await anonymous.SubscribeAsync("1", "subscription { privateEvents(topic: \"a\") { seq } }");
        var refused = await anonymous.ReceiveAsync();
        Assert.Equal("error", refused?["type"]?.GetValue<string>());
        Assert.Equal("UNAUTHENTICATED", Code(refused?["payload"]?[0]));

        await using var user = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri, TestTokens.For("bob"));
        await user.SubscribeAsync("1", "subscription { privateEvents(topic: \"a\") { seq } }");
        Assert.Equal("FORBIDDEN", Code((await user.ReceiveAsync())?["payload"]?[0]));
        Assert.Equal(0, host.Source.Subscribed);

        await using var admin = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri, TestTokens.For("root", DateTime.UtcNow.AddHours(1), "admin"));
        await admin.SubscribeAsync("1", "subscription { privateEvents(topic: \"a\") { seq } }");
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));
    }

    [Fact]
    public async Task A_caller_over_its_subscription_limit_is_refused_with_a_code()
    {
        using var host = new SubscriptionHost(new() { ["Bff:Subscriptions:MaxSubscriptionsPerCaller"] = "2" });
        var token = TestTokens.For("carol");
        await using var first = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri, token);
        await using var second = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri, token);
        await first.SubscribeAsync("1", Events, Topic("a"));
        await second.SubscribeAsync("1", Events, Topic("a"));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 2));
        await second.SubscribeAsync("2", Events, Topic("a"));
        var refused = await second.ReceiveAsync();
        Assert.Equal("error", refused?["type"]?.GetValue<string>());
        Assert.Equal("TOO_MANY_SUBSCRIPTIONS", Code(refused?["payload"]?[0]));

        // Ending one frees its place.
        await first.CompleteAsync("1");
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));
        await second.SubscribeAsync("3", Events, Topic("a"));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 2));
    }

    [Fact]
    public async Task A_caller_over_its_connection_limit_is_closed_4403_with_a_code()
    {
        using var host = new SubscriptionHost(new() { ["Bff:Subscriptions:MaxConnectionsPerCaller"] = "1" });
        var token = TestTokens.For("dave");
        await using var first = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri, token);
        await using var second = await GraphQLWsClient.ConnectAsync(host.WebSocketUri);
        await second.InitAsync(token);
        var (code, reason) = await second.ClosedAsync();
        Assert.Equal(4403, code);
        Assert.StartsWith("TOO_MANY_CONNECTIONS:", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_operations_are_rate_limited()
    {
        using var host = new SubscriptionHost(new()
        {
            ["Bff:RateLimiting:Policies:requests:PermitLimit"] = "2",
            ["Bff:RateLimiting:Policies:requests:Burst"] = "2",
        });
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri, TestTokens.For("erin"));
        for (var i = 0; i < 5; i++)
        {
            await client.SubscribeAsync("s" + i, Events, Topic("a"));
        }

        // Admitted subscriptions answer nothing until an event; the refused ones answer an error at once.
        var refused = await client.ReceiveAsync();
        Assert.Equal("error", refused?["type"]?.GetValue<string>());
        Assert.Equal("RATE_LIMITED", Code(refused?["payload"]?[0]));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active is > 0 and < 5));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("http://127.0.0.1:{port}", null, true)]
    [InlineData("https://evil.example", null, false)]
    [InlineData("https://app.example", "https://app.example", true)]
    [InlineData("https://evil.example", "https://app.example", false)]
    public async Task The_handshake_origin_is_checked(string? origin, string? allowed, bool accepted)
    {
        using var host = new SubscriptionHost(allowed is null ? [] : new() { ["Bff:Subscriptions:AllowedOrigins:0"] = allowed });
        var sent = origin?.Replace("{port}", host.WebSocketUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (accepted)
        {
            await using var client = await GraphQLWsClient.ConnectAsync(host.WebSocketUri, sent);
            Assert.Equal(WebSocketState.Open, client.Socket.State);
            return;
        }

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => GraphQLWsClient.ConnectAsync(host.WebSocketUri, sent));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }
}
