using Bff.Tests.Fixtures;
using Grpc.Core;

namespace Bff.Tests.Resilience;

/// <summary>Idempotent calls are retried on transient failures, up to the cap; request errors are not retried.</summary>
[Collection(OutageCollection.Name)]
public abstract class RetrySuite<TProgram>(OutageFixture outage) : IAsyncLifetime
    where TProgram : class
{
    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Rest_get_is_retried_up_to_the_cap_and_no_more(int maxRetries)
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage, ("Bff:Sources:profiles:Resilience:Retry:MaxRetries", $"{maxRetries}")));
        outage.ProfilesFaults.FailWithStatus = 503;

        var (status, body) = await host.PostAsync("""{ profile(id: "p1") { id } }""");

        Assert.Equal(200, status);
        Assert.Equal("DOWNSTREAM_ERROR", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(maxRetries + 1, outage.ProfilesLog.Count("GET /profiles/{id}"));
        Assert.Equal(maxRetries + 1, (int?)ResilienceSettings.Calls(body, "profiles")[0]["attempts"] ?? 1);
    }

    [Fact]
    public async Task Transient_failure_then_success_returns_data()
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Sources:profiles:Resilience:Retry:BaseDelay", "00:00:00.200"),
            ("Bff:Sources:profiles:Resilience:Retry:MaxDelay", "00:00:00.400")));
        outage.ProfilesFaults.FailWithStatus = 503;

        var pending = host.PostAsync("""{ profile(id: "p1") { id } }""");
        while (outage.ProfilesLog.Total == 0)
        {
            await Task.Delay(5);
        }

        outage.ProfilesFaults.Reset(); // the service recovers during the backoff
        var (status, body) = await pending;

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal("p1", (string?)body["data"]!["profile"]!["id"]);
        Assert.Equal(2, outage.ProfilesLog.Total);
    }

    [Fact]
    public async Task Idempotent_grpc_method_is_retried()
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage));
        outage.ProposalsFaults.FailWithStatus = StatusCode.Unavailable;

        var (_, body) = await host.PostAsync("""{ proposal(id: "pr1") { id } }""");

        var error = body["errors"]![0]!;
        Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)error["extensions"]!["code"]);
        Assert.Equal("proposals", (string?)error["extensions"]!["source"]);
        Assert.Equal(3, outage.ProposalsLog.Count("marketplace.proposals.v1.ProposalService/GetProposal"));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(422)]
    public async Task Request_errors_are_neither_retried_nor_counted_against_the_circuit(int status)
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Sources:profiles:Resilience:CircuitBreaker:MinimumThroughput", "2")));
        outage.ProfilesFaults.FailWithStatus = status;

        for (var i = 0; i < 3; i++)
        {
            var (_, body) = await host.PostAsync("""{ profile(id: "p1") { id } }""");
            Assert.Equal($"{status}", (string?)body["errors"]![0]!["extensions"]!["status"]);
            Assert.DoesNotContain("Fault injected", body.ToJsonString()); // the downstream body never leaks
        }

        Assert.Equal(3, outage.ProfilesLog.Total);
        Assert.Equal("closed", (string?)(await host.ReadyAsync())["sources"]!["profiles"]!["circuit"]);
    }

    [Fact]
    public async Task Retry_budget_keeps_retries_near_a_fifth_of_calls_during_an_outage()
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Sources:profiles:Resilience:Retry:MaxRetries", "3"),
            ("Bff:Sources:profiles:Resilience:Retry:BaseDelay", "00:00:00"),
            ("Bff:Sources:profiles:Resilience:Retry:BudgetRatio", "0.2"),
            ("Bff:Sources:profiles:Resilience:Retry:MinRetriesPerSecond", "0")));
        outage.ProfilesFaults.FailWithStatus = 500;

        for (var i = 0; i < 30; i++)
        {
            await host.PostAsync("""{ profile(id: "p1") { id } }""");
        }

        // Without the budget: 30 calls x 4 attempts = 120 requests. With it: 30 + at most 20 % of 30.
        Assert.InRange(outage.ProfilesLog.Total, 30, 36);
    }
}

public sealed class MobileRetryTests(OutageFixture outage) : RetrySuite<Bff.MobileBff.Program>(outage);

public sealed class WebRetryTests(OutageFixture outage) : RetrySuite<Bff.WebBff.Program>(outage);
