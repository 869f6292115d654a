using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;
using Grpc.Core;

namespace Bff.Tests.Streams;

/// <summary>
/// <c>Subscription.proposalSubmitted</c> of the web host (shipped settings) over the demo service's real
/// <c>WatchProposals</c> gRPC stream, executed through GraphQL.NET as a transport does.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ProposalSubscriptionTests(DemoServicesFixture demo)
{
    private const string Watch = """
        subscription Watch($jobId: ID!) {
          proposalSubmitted(jobId: $jobId) { id bid { amountCents currency } freelancer { id fullName } job { id title } }
        }
        """;

    private readonly HostClient _host = HostClient.For<Bff.WebBff.Program>(demo);

    [Fact]
    public async Task Events_arrive_in_order_from_real_submissions_with_their_child_fields_resolved_after_the_request_deadline()
    {
        var opened = demo.ProposalsStreams.Opened("WatchProposals");
        var token = demo.Token("p3");
        // A transport sets the request's deadline at subscribe time: it bounds opening the stream, never the subscription.
        using var run = await SubscriptionRun.StartAsync(_host.Services, Watch, new { jobId = "j311" }, token, deadline: TimeSpan.FromMilliseconds(400));
        await Eventually.TrueAsync(() => demo.ProposalsStreams.Opened("WatchProposals") > opened, "the service sees the watch");
        await Task.Delay(600);

        var submitted = await Proposals.SubmitAsync(demo.ProposalsUrl, "j311", 3);

        var events = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            var (next, error) = await run.NextAsync();
            Assert.Null(error);
            events.Add(next!);
        }

        Assert.All(events, e => Assert.Null(e["errors"]));
        Assert.Equal(submitted.Select(p => p.Id), events.Select(e => (string?)e["data"]!["proposalSubmitted"]!["id"]));
        Assert.Equal(submitted.Select(p => p.FreelancerId), events.Select(e => (string?)e["data"]!["proposalSubmitted"]!["freelancer"]!["id"]));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty((string?)e["data"]!["proposalSubmitted"]!["freelancer"]!["fullName"])));
        Assert.All(events, e => Assert.Equal("j311", (string?)e["data"]!["proposalSubmitted"]!["job"]!["id"]));
        Assert.Equal(submitted[0].Bid.AmountCents, (long)events[0]["data"]!["proposalSubmitted"]!["bid"]!["amountCents"]!);
        Assert.False(run.HasMore);

        // The proposals source receives the caller's token (Auth: Forward) on the stream as on unary calls, and no
        // gRPC deadline: the stream lives as long as its subscriber.
        var call = demo.ProposalsLog.Recent.Last(r => r.Key == Proposals.Watch);
        Assert.Equal("Bearer " + token, call.Authorization);
        Assert.Null(call.TimeLeft);
    }

    [Fact]
    public async Task The_client_leaving_cancels_the_downstream_stream_at_once()
    {
        var opened = demo.ProposalsStreams.Opened("WatchProposals");
        var cancelled = demo.ProposalsStreams.Cancelled("WatchProposals");
        var run = await SubscriptionRun.StartAsync(_host.Services, Watch, new { jobId = "j312" }, demo.Token("p3"));
        await Eventually.TrueAsync(() => demo.ProposalsStreams.Opened("WatchProposals") > opened, "the service sees the watch");

        run.Dispose();

        await Eventually.TrueAsync(() => demo.ProposalsStreams.Cancelled("WatchProposals") > cancelled, "the service sees the watch cancelled");
        Assert.False(run.HasMore);
    }

    [Fact]
    public async Task An_unauthenticated_subscription_is_refused_when_it_subscribes_and_opens_no_stream()
    {
        var calls = demo.ProposalsLog.Count(Proposals.Watch);

        using var run = await SubscriptionRun.StartAsync(_host.Services, Watch, new { jobId = "j313" });

        Assert.Null(run.Result.Streams);
        var error = run.Refusal["errors"]![0]!;
        Assert.Equal("UNAUTHENTICATED", (string?)error["extensions"]!["code"]);
        Assert.Equal(["proposalSubmitted"], error["path"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(calls, demo.ProposalsLog.Count(Proposals.Watch));
    }

    [Fact]
    public async Task A_failing_stream_gives_one_error_with_a_downstream_code_then_ends()
    {
        var opened = demo.ProposalsStreams.Opened("WatchProposals");
        using var run = await SubscriptionRun.StartAsync(_host.Services, Watch, new { jobId = "j314" }, demo.Token("p3"));
        await Eventually.TrueAsync(() => demo.ProposalsStreams.Opened("WatchProposals") > opened, "the service sees the watch");

        demo.ProposalsFaults.BreakStreams(StatusCode.Unavailable);

        var (next, error) = await run.NextAsync();
        Assert.Null(next);
        var described = run.Describe(error!);
        Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)described["extensions"]!["code"]);
        Assert.Equal("proposals", (string?)described["extensions"]!["source"]);
        Assert.Equal(["proposalSubmitted"], described["path"]!.AsArray().Select(p => (string?)p));
        await Proposals.SubmitAsync(demo.ProposalsUrl, "j314", 1);
        Assert.False(run.HasMore);
    }
}
