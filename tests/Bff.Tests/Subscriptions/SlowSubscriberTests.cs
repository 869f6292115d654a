using Bff.Tests.Fixtures;

namespace Bff.Tests.Subscriptions;

/// <summary>
/// A subscriber that never reads: its bounded buffer fills, it is cut off with <c>SUBSCRIBER_TOO_SLOW</c>, and its
/// source is disposed, so the host stops taking its events. Without the bound, every published event would be held.
/// </summary>
public sealed class SlowSubscriberTests
{
    // Large events fill the socket's buffers (a few MB on loopback) after a few hundred.
    private static readonly string Large = new('x', 32 * 1024);

    private static readonly Dictionary<string, string?> SmallBuffer = new() { ["Bff:Subscriptions:BufferCapacity"] = "8" };

    [Fact]
    public async Task A_websocket_client_that_never_reads_is_closed_and_its_source_disposed()
    {
        using var host = new SubscriptionHost(SmallBuffer);
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(host.WebSocketUri);
        await client.SubscribeAsync("1", "subscription { events(topic: \"a\") { seq text } }");
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));

        var published = await PublishUntilCutOffAsync(host.Source);

        Assert.Equal(1, host.Source.Disposed);
        Assert.True(published < 2000, $"{published} events were taken before the subscriber was cut off");
        // Reading now drains what the network held, then the host's close.
        var (code, reason) = await client.ClosedAsync(seconds: 20);
        Assert.Equal(1008, code);
        Assert.StartsWith("SUBSCRIBER_TOO_SLOW", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_sse_client_that_never_reads_is_cut_off_and_its_source_disposed()
    {
        using var host = new SubscriptionHost(SmallBuffer);
        using var sse = await SseClient.OpenAsync(host.Http, "subscription { events(topic: \"a\") { seq text } }");
        Assert.True(await TestEventSource.EventuallyAsync(() => host.Source.Active == 1));

        var published = await PublishUntilCutOffAsync(host.Source);

        Assert.Equal(1, host.Source.Disposed);
        Assert.True(published < 2000, $"{published} events were taken before the subscriber was cut off");
        string? last = null;
        try
        {
            while (await sse.NextEventAsync(seconds: 20) is { } read)
            {
                last = read.Data?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() ?? last;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // Cut off before the last event could be taken.
        }

        Assert.Equal("SUBSCRIBER_TOO_SLOW", last);
    }

    private static async Task<int> PublishUntilCutOffAsync(TestEventSource source)
    {
        var published = 0;
        while (published < 2000 && source.Disposed == 0)
        {
            source.Publish("a", new TestEvent(++published, Large));
            if (published % 20 == 0)
            {
                await Task.Delay(10); // lets the host's writer fill the network buffers
            }
        }

        Assert.True(await TestEventSource.EventuallyAsync(() => source.Disposed == 1));
        return published;
    }
}
