using System.Text.Json.Nodes;
using Bff.Tests.Streams;

namespace Bff.Tests.Subscriptions.EndToEnd;

/// <summary>
/// The mobile host in Production runs only its trusted documents, over graphql-ws too: the shipped
/// <c>ProposalSubmitted</c> subscription of schemas/trusted/mobile.json streams alerts; any other document is refused.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MobileTrustedSubscriptionTests(EndToEndFixture e2e)
{
    private static readonly JsonObject Trusted = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "trusted", "mobile.json")))!["operations"]!
        .AsArray().Single(o => (string?)o!["name"] == "ProposalSubmitted")!.AsObject();

    [Theory]
    [InlineData("documentId")]
    [InlineData("text")]
    public async Task The_trusted_subscription_streams_an_alert_per_proposal(string sentAs)
    {
        var jobId = sentAs == "documentId" ? "j371" : "j372";
        var payload = new JsonObject { ["variables"] = new JsonObject { ["jobId"] = jobId } };
        payload[sentAs == "documentId" ? "documentId" : "query"] = sentAs == "documentId" ? "sha256:" + (string)Trusted["id"]! : (string)Trusted["body"]!;
        var opened = e2e.Demo.ProposalsStreams.Opened("WatchProposals");
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(e2e.MobileWebSocketUri, e2e.Demo.Token("p3"));
        await client.SendAsync(new JsonObject { ["id"] = "alerts", ["type"] = "subscribe", ["payload"] = payload });
        await Eventually.TrueAsync(() => e2e.Demo.ProposalsStreams.Opened("WatchProposals") > opened, "the service sees the watch");

        var submitted = (await e2e.SubmitAsync(jobId, 1))[0];

        var next = await client.ReceiveAsync();
        Assert.Equal("next", (string?)next?["type"]);
        Assert.Null(next?["payload"]?["errors"]);
        var alert = next?["payload"]?["data"]?["proposalSubmitted"];
        Assert.Equal((string?)submitted["id"], (string?)alert?["proposalId"]);
        Assert.Equal((int)submitted["bid"]!["amountCents"]!, (int?)alert?["bidCents"]);
        Assert.Equal("USD", (string?)alert?["currency"]);
        Assert.True((int?)alert?["proposalCount"] >= 1);
    }

    [Fact]
    public async Task An_untrusted_subscription_document_is_refused_with_its_code_and_opens_no_stream()
    {
        var calls = e2e.Demo.ProposalsLog.Count(Proposals.Watch);
        await using var client = await GraphQLWsClient.ConnectAndInitAsync(e2e.MobileWebSocketUri, e2e.Demo.Token("p3"));

        // The trusted operation's fields, but not its document.
        await client.SubscribeAsync("adhoc", """subscription { proposalSubmitted(jobId: "j373") { proposalId bidCents } }""");
        var refused = await client.ReceiveAsync();

        Assert.Equal("error", (string?)refused?["type"]);
        Assert.Equal("adhoc", (string?)refused?["id"]);
        Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", (string?)refused?["payload"]?[0]?["extensions"]?["code"]);
        Assert.Equal(calls, e2e.Demo.ProposalsLog.Count(Proposals.Watch));
    }
}
