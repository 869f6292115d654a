using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Bff.Tests.Streams;

namespace Bff.Tests.Subscriptions.EndToEnd;

/// <summary>
/// graphql-ws with a real <see cref="ClientWebSocket"/> against the shipped web host, fed by the demo proposals
/// service's real <c>WatchProposals</c> gRPC stream and triggered by the host's real <c>submitProposal</c> mutation.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class WebSocketEndToEndTests(EndToEndFixture e2e)
{
    internal const string Watch = "subscription Watch($jobId: ID!) { proposalSubmitted(jobId: $jobId) { id bid { amountCents } freelancer { id } } }";

    private static JsonObject Job(string jobId) => new() { ["jobId"] = jobId };

    private int Opened => e2e.Demo.ProposalsStreams.Opened("WatchProposals");

    private int Cancelled => e2e.Demo.ProposalsStreams.Cancelled("WatchProposals");

    [Fact]
    public async Task Three_submissions_arrive_as_three_next_events_in_order_and_complete_cancels_the_watch()
    {
        var (opened, cancelled) = (Opened, Cancelled);
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(e2e.WebSocketUri, e2e.Demo.Token("p3"));
        await client.SubscribeAsync("w", Watch, Job("j361"));
        await Eventually.TrueAsync(() => Opened > opened, "the service sees the watch");

        var submitted = await e2e.SubmitAsync("j361", 3);

        foreach (var proposal in submitted)
        {
            var next = await client.ReceiveAsync();
            Assert.Equal("next", (string?)next?["type"]);
            Assert.Equal("w", (string?)next?["id"]);
            Assert.Null(next?["payload"]?["errors"]);
            var evt = next?["payload"]?["data"]?["proposalSubmitted"];
            Assert.Equal((string?)proposal["id"], (string?)evt?["id"]);
            Assert.Equal((string?)proposal["freelancer"]!["id"], (string?)evt?["freelancer"]?["id"]);
            Assert.Equal((int)proposal["bid"]!["amountCents"]!, (int?)evt?["bid"]?["amountCents"]);
        }

        Assert.Equal(Cancelled, cancelled);
        await client.CompleteAsync("w");

        await Eventually.TrueAsync(() => Cancelled > cancelled, "the service sees the watch cancelled");
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task An_unauthenticated_subscription_is_refused_with_UNAUTHENTICATED_and_opens_no_stream()
    {
        var calls = e2e.Demo.ProposalsLog.Count(Proposals.Watch);
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(e2e.WebSocketUri);

        await client.SubscribeAsync("w", Watch, Job("j362"));
        var refused = await client.ReceiveAsync();

        Assert.Equal("error", (string?)refused?["type"]);
        Assert.Equal("w", (string?)refused?["id"]);
        Assert.Equal("UNAUTHENTICATED", (string?)refused?["payload"]?[0]?["extensions"]?["code"]);
        Assert.Equal(calls, e2e.Demo.ProposalsLog.Count(Proposals.Watch));
    }

    [Theory]
    [InlineData("close")]
    [InlineData("abort")]
    public async Task The_socket_ending_without_complete_cancels_the_downstream_stream(string how)
    {
        var (opened, cancelled) = (Opened, Cancelled);
        var client = await GraphQLWsClient.ConnectAndInitAsync(e2e.WebSocketUri, e2e.Demo.Token("p3"));
        await client.SubscribeAsync("w", Watch, Job("j363"));
        await Eventually.TrueAsync(() => Opened > opened, "the service sees the watch");
        Assert.Equal(Cancelled, cancelled);

        if (how == "abort")
        {
            client.Socket.Abort(); // the client vanishes: no close handshake
        }

        await client.DisposeAsync(); // a close handshake, when the socket is still open

        await Eventually.TrueAsync(() => Cancelled > cancelled, "the service sees the watch cancelled");
    }
}
