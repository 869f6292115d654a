using Bff.Tests.Fixtures;

namespace Bff.Tests.Streams;

/// <summary>The operation limits of the web host (shipped settings) apply to subscriptions before any stream is opened.</summary>
[Collection(DemoCollection.Name)]
public sealed class SubscriptionLimitsTests(DemoServicesFixture demo)
{
    [Fact]
    public async Task A_subscription_deeper_than_the_limit_is_refused_without_opening_a_stream()
    {
        var host = HostClient.For<Bff.WebBff.Program>(demo);
        var calls = demo.ProposalsLog.Count(Proposals.Watch);
        var deep = string.Concat(Enumerable.Repeat("job { proposals { ", 7)) + "id" + new string('}', 14);

        using var run = await SubscriptionRun.StartAsync(host.Services, $$"""subscription { proposalSubmitted(jobId: "j351") { {{deep}} } }""", token: demo.Token("p3"));

        Assert.Null(run.Result.Streams);
        Assert.Equal("MAX_DEPTH_EXCEEDED", (string?)run.Refusal["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(calls, demo.ProposalsLog.Count(Proposals.Watch));
    }

    [Fact]
    public async Task A_subscription_posted_for_one_JSON_answer_is_refused_with_a_code_not_answered_empty()
    {
        var host = HostClient.For<Bff.WebBff.Program>(demo);
        var calls = demo.ProposalsLog.Count(Proposals.Watch);

        var (status, body) = await host.PostAsync("""subscription { proposalSubmitted(jobId: "j352") { id } }""", demo.Token("p3"));

        Assert.Equal(400, status);
        Assert.Null(body["data"]);
        Assert.Equal("STREAMING_TRANSPORT_REQUIRED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(calls, demo.ProposalsLog.Count(Proposals.Watch));
    }
}
