using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Subscriptions;

/// <summary>GraphQL over SSE (graphql-sse, distinct connections) with a real HTTP client reading the stream.</summary>
public sealed class GraphQLSseTests
{
    private const string Events = "subscription { events(topic: \"a\") { seq text } }";

    private static string? Code(JsonNode? error) => error?["extensions"]?["code"]?.GetValue<string>();

    [Fact]
    public async Task Events_arrive_in_order_then_complete()
    {
        using var host = new SubscriptionHost();
        using var sse = await SseClient.OpenAsync(host.Http, Events, TestTokens.For("alice"));
        Assert.Equal(HttpStatusCode.OK, sse.Response.StatusCode);
        Assert.Equal("text/event-stream", sse.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no", sse.Response.Headers.GetValues("X-Accel-Buffering").Single());
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));

        for (var i = 1; i <= 20; i++)
        {
            host.Source.Publish("a", new TestEvent(i, "event " + i));
        }

        for (var i = 1; i <= 20; i++)
        {
            var (name, data) = (await sse.NextEventAsync())!.Value;
            Assert.Equal("next", name);
            Assert.Equal(i, data?["data"]?["events"]?["seq"]?.GetValue<int>());
        }

        host.Source.Complete("a");
        Assert.Equal("complete", (await sse.NextEventAsync())?.Event);
        Assert.Null(await sse.NextEventAsync());
    }

    [Fact]
    public async Task A_query_is_one_next_event_then_complete()
    {
        using var host = new SubscriptionHost();
        using var sse = await SseClient.OpenAsync(host.Http, "{ hello }");
        var next = await sse.NextEventAsync();
        Assert.Equal("next", next?.Event);
        Assert.Equal("world", next?.Data?["data"]?["hello"]?.GetValue<string>());
        Assert.Equal("complete", (await sse.NextEventAsync())?.Event);
    }

    [Fact]
    public async Task An_invalid_token_is_refused_401_before_the_stream_starts()
    {
        using var host = new SubscriptionHost();
        using var sse = await SseClient.OpenAsync(host.Http, Events, TestTokens.For("alice", DateTime.UtcNow.AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.Unauthorized, sse.Response.StatusCode);
        var body = JsonNode.Parse(await sse.ReadBodyAsync())!;
        Assert.Equal("UNAUTHENTICATED", Code(body["errors"]?[0]));
        Assert.Equal(0, host.Source.Subscribed);
    }

    [Fact]
    public async Task Authorize_refusal_is_a_next_event_with_its_code()
    {
        using var host = new SubscriptionHost();
        using var sse = await SseClient.OpenAsync(host.Http, "subscription { privateEvents(topic: \"a\") { seq } }", TestTokens.For("bob"));
        var next = await sse.NextEventAsync();
        Assert.Equal("next", next?.Event);
        Assert.Equal("FORBIDDEN", Code(next?.Data?["errors"]?[0]));
        Assert.Equal("complete", (await sse.NextEventAsync())?.Event);
        Assert.Equal(0, host.Source.Subscribed);
    }

    [Fact]
    public async Task The_client_leaving_disposes_the_source()
    {
        using var host = new SubscriptionHost();
        var sse = await SseClient.OpenAsync(host.Http, Events);
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));
        sse.Dispose();
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Disposed == 1 && host.Source.Active == 0));
    }

    [Fact]
    public async Task An_idle_stream_gets_heartbeat_comments()
    {
        using var host = new SubscriptionHost(new() { ["Bff:Subscriptions:KeepAliveInterval"] = "00:00:00.200" });
        using var sse = await SseClient.OpenAsync(host.Http, Events);
        Assert.Equal(":", (await sse.ReadAsync(seconds: 5))?.Event);
        Assert.Equal(":", (await sse.ReadAsync(seconds: 5))?.Event);
    }

    [Fact]
    public async Task A_failing_source_sends_an_error_event_then_complete()
    {
        using var host = new SubscriptionHost();
        using var sse = await SseClient.OpenAsync(host.Http, Events);
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));
        host.Source.Fail("a", new BffError(ErrorCodes.DownstreamTimeout, "The stream did not answer in time."));
        var next = await sse.NextEventAsync();
        Assert.Equal("DOWNSTREAM_TIMEOUT", Code(next?.Data?["errors"]?[0]));
        Assert.Equal("complete", (await sse.NextEventAsync())?.Event);
    }

    [Fact]
    public async Task A_caller_over_its_connection_limit_gets_429_with_a_code()
    {
        using var host = new SubscriptionHost(new() { ["Bff:Subscriptions:MaxConnectionsPerCaller"] = "1" });
        var token = TestTokens.For("frank");
        using var first = await SseClient.OpenAsync(host.Http, Events, token);
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));
        using var second = await SseClient.OpenAsync(host.Http, Events, token);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Response.StatusCode);
        Assert.Equal("TOO_MANY_CONNECTIONS", Code(JsonNode.Parse(await second.ReadBodyAsync())!["errors"]?[0]));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    public async Task A_subscription_sent_as_plain_http_is_refused_with_a_code(string accept)
    {
        using var host = new SubscriptionHost();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = Events }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("STREAMING_TRANSPORT_REQUIRED", Code(body["errors"]?[0]));
        Assert.Equal(0, host.Source.Subscribed);
    }
}
