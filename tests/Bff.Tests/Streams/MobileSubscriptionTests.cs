using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Streams;

/// <summary>The mobile host's trusted <c>ProposalSubmitted</c> subscription: a small alert per proposal.</summary>
[Collection(DemoCollection.Name)]
public sealed class MobileSubscriptionTests(DemoServicesFixture demo)
{
    private static readonly string Trusted = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "trusted", "mobile.json")))!["operations"]!
        .AsArray().Single(o => (string?)o!["name"] == "ProposalSubmitted")!["body"]!;

    [Fact]
    public async Task The_trusted_subscription_alerts_with_the_bid_and_the_new_proposal_count()
    {
        var host = HostClient.For<Bff.MobileBff.Program>(demo);
        var opened = demo.ProposalsStreams.Opened("WatchProposals");
        using var run = await SubscriptionRun.StartAsync(host.Services, Trusted, new { jobId = "j341" }, demo.Token("p3"));
        await Eventually.TrueAsync(() => demo.ProposalsStreams.Opened("WatchProposals") > opened, "the service sees the watch");

        var submitted = (await Proposals.SubmitAsync(demo.ProposalsUrl, "j341", 1))[0];

        var (next, error) = await run.NextAsync();
        Assert.Null(error);
        Assert.Null(next!["errors"]);
        var alert = next["data"]!["proposalSubmitted"]!;
        Assert.Equal(submitted.Id, (string?)alert["proposalId"]);
        Assert.Equal(submitted.Bid.AmountCents, (long)alert["bidCents"]!);
        Assert.Equal("USD", (string?)alert["currency"]);
        Assert.True((int)alert["proposalCount"]! >= 1);
        Assert.Equal(["bidCents", "currency", "proposalCount", "proposalId"], alert.AsObject().Select(p => p.Key).Order());
    }
}
