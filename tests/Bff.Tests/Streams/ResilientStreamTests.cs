using Bff.Tests.Fixtures;
using Grpc.Core;

namespace Bff.Tests.Streams;

/// <summary>The source's circuit breaker bounds opening streams; resubscribing, when configured, outlives a broken stream.</summary>
[Collection(DemoCollection.Name)]
public sealed class ResilientStreamTests(DemoServicesFixture demo)
{
    private const string Watch = "subscription($jobId: ID!) { proposalSubmitted(jobId: $jobId) { id } }";

    [Fact]
    public async Task An_open_circuit_refuses_opening_with_the_code_of_unary_calls_without_trying()
    {
        // Nothing listens there: each opening is refused, as when the service is down.
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Sources:proposals:BaseAddress"] = $"http://127.0.0.1:{LoopbackPort.Free()}",
            ["Bff:Sources:proposals:Resilience:Retry:MaxRetries"] = "0",
            ["Bff:Sources:proposals:Resilience:CircuitBreaker:MinimumThroughput"] = "2",
            ["Bff:Sources:proposals:Resilience:CircuitBreaker:FailureRatio"] = "0.5",
            ["Bff:Sources:proposals:Resilience:CircuitBreaker:BreakDuration"] = "00:01:00",
        });
        var token = demo.Token("p3");
        var failures = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            using var failing = await SubscriptionRun.StartAsync(host.Services, Watch, new { jobId = "j321" }, token);
            var (_, error) = await failing.NextAsync();
            failures.Add((string?)failing.Describe(error!)["extensions"]!["code"]);
        }

        using var refused = await SubscriptionRun.StartAsync(host.Services, Watch, new { jobId = "j321" }, token);
        var (next, open) = await refused.NextAsync();

        Assert.Equal(["DOWNSTREAM_UNAVAILABLE", "DOWNSTREAM_UNAVAILABLE"], failures);
        Assert.Null(next);
        var described = refused.Describe(open!);
        Assert.Equal("CIRCUIT_OPEN", (string?)described["extensions"]!["code"]);
        Assert.Equal(["proposalSubmitted"], described["path"]!.AsArray().Select(p => (string?)p));
        var attempt = Assert.Single(refused.Request.Calls);
        Assert.True(attempt.ShortCircuited);
        Assert.False(refused.HasMore);
    }

    [Fact]
    public async Task With_resubscribe_configured_a_broken_stream_is_opened_again_and_events_keep_coming()
    {
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Sources:proposals:Streams:Resubscribe:MaxAttempts"] = "3",
            ["Bff:Sources:proposals:Streams:Resubscribe:BaseDelay"] = "00:00:00.050",
        });
        var opened = demo.ProposalsStreams.Opened("WatchProposals");
        using var run = await SubscriptionRun.StartAsync(host.Services, Watch, new { jobId = "j322" }, demo.Token("p3"));
        await Eventually.TrueAsync(() => demo.ProposalsStreams.Opened("WatchProposals") > opened, "the service sees the watch");

        demo.ProposalsFaults.BreakStreams(StatusCode.Unavailable);
        await Eventually.TrueAsync(() => demo.ProposalsStreams.Opened("WatchProposals") > opened + 1, "the gateway opens the watch again");
        var submitted = await Proposals.SubmitAsync(demo.ProposalsUrl, "j322", 1);

        var (next, error) = await run.NextAsync();
        Assert.Null(error);
        Assert.Equal(submitted[0].Id, (string?)next!["data"]!["proposalSubmitted"]!["id"]);
        Assert.False(run.HasMore);
    }

    [Fact]
    public async Task A_service_that_does_not_accept_the_stream_within_the_attempt_timeout_fails_it_with_DOWNSTREAM_TIMEOUT()
    {
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Sources:proposals:Resilience:AttemptTimeout"] = "00:00:00.200",
            ["Bff:Sources:proposals:Resilience:Retry:MaxRetries"] = "0",
        });
        demo.ProposalsFaults.Delay = TimeSpan.FromSeconds(3);
        try
        {
            using var run = await SubscriptionRun.StartAsync(host.Services, Watch, new { jobId = "j323" }, demo.Token("p3"));
            var (next, error) = await run.NextAsync();

            Assert.Null(next);
            Assert.Equal("DOWNSTREAM_TIMEOUT", (string?)run.Describe(error!)["extensions"]!["code"]);
        }
        finally
        {
            demo.ProposalsFaults.Reset();
        }
    }

    [Fact]
    public async Task Collecting_a_list_that_outlasts_the_source_timeout_fails_the_field_and_cancels_the_stream()
    {
        var schema = CustomSchema.Write("""
            type Query {
              proposal(id: ID!): Proposal @grpc(source: "proposals", method: "marketplace.proposals.v1.ProposalService/GetProposal", request: "id: {args.id}")
              nextProposals(jobId: ID!): [Proposal!]
                @grpc(source: "proposals", method: "marketplace.proposals.v1.ProposalService/WatchProposals", request: "job_id: {args.jobId}", select: "proposal", take: 5)
            }
            type Proposal { id: ID! }
            """);
        try
        {
            using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
            {
                ["Bff:Schema"] = schema,
                ["Bff:Sources:proposals:Timeout"] = "00:00:01",
            });
            // A first call opens the connection, so the stream's opening is quick and the timeout hits the collecting.
            await host.PostAsync("""{ proposal(id: "pr1") { id } }""");
            var cancelled = demo.ProposalsStreams.Cancelled("WatchProposals");

            var (status, body) = await host.PostAsync("""{ nextProposals(jobId: "j324") { id } }""");

            Assert.Equal(200, status);
            Assert.Null(body["data"]!["nextProposals"]);
            Assert.Equal("DOWNSTREAM_TIMEOUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal("stream_opened", (string?)body["extensions"]!["downstream"]![0]!["outcome"]);
            await Eventually.TrueAsync(() => demo.ProposalsStreams.Cancelled("WatchProposals") > cancelled, "the service sees the watch cancelled");
        }
        finally
        {
            CustomSchema.Delete(schema);
        }
    }
}
