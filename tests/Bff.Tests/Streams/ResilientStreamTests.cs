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
}
