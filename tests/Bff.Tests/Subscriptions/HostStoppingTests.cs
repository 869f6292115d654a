using Bff.Tests.Fixtures;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bff.Tests.Subscriptions;

/// <summary>
/// A stopping host (SIGTERM) ends its subscriptions at once: before, an open event stream held shutdown until its
/// timeout (10 s measured on the demo), and with it the process and its port.
/// </summary>
public sealed class HostStoppingTests
{
    [Fact]
    public async Task A_stopping_host_completes_its_event_streams_and_disposes_their_sources()
    {
        using var host = new SubscriptionHost();
        using var sse = await SseClient.OpenAsync(host.Http, "subscription { events(topic: \"a\") { seq } }", TestTokens.For("alice"));
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));

        host.Host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.Equal("complete", (await sse.NextEventAsync(seconds: 5))?.Event);
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 0));
    }

    [Fact]
    public async Task A_stopping_host_closes_its_sockets_going_away_and_disposes_their_sources()
    {
        using var host = new SubscriptionHost();
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri, TestTokens.For("alice"));
        await client.SubscribeAsync("1", "subscription($t: String!) { events(topic: $t) { seq } }", new JsonObject { ["t"] = "a" });
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));

        host.Host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.Equal(1001, (await client.ClosedAsync(seconds: 5)).Code);
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 0));
    }
}
