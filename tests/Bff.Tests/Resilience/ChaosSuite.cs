using Bff.Tests.Fixtures;

namespace Bff.Tests.Resilience;

/// <summary>Polly's chaos strategies, switched on by configuration only, inject faults that the resilience strategies handle like real ones.</summary>
[Collection(OutageCollection.Name)]
public abstract class ChaosSuite<TProgram>(OutageFixture outage) : IAsyncLifetime
    where TProgram : class
{
    private const string Query = """{ profile(id: "p1") { id } job(id: "j1") { id } }""";

    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Fact]
    public async Task Injected_fault_is_retried_then_fails_the_field_as_unavailable()
    {
        using var host = Host(("FaultRate", "1"));

        var (status, body) = await host.PostAsync(Query);

        Assert.Equal(200, status);
        Assert.Equal("j1", (string?)body["data"]!["job"]!["id"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)error["extensions"]!["code"]);
        Assert.Equal("chaos_fault", (string?)error["extensions"]!["reason"]);
        Assert.Equal(3, (int)ResilienceSettings.Calls(body, "profiles")[0]["attempts"]!);
        Assert.Equal(0, outage.ProfilesLog.Total); // injected before sending
    }

    [Fact]
    public async Task Injected_latency_trips_the_attempt_and_total_timeouts()
    {
        using var host = Host(("LatencyRate", "1"), ("Latency", "00:00:10"));

        var (_, body) = await host.PostAsync(Query);

        Assert.Equal("DOWNSTREAM_TIMEOUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(0, outage.ProfilesLog.Total);
    }

    [Theory]
    [InlineData("503", 3)]
    [InlineData("404", 1)]
    public async Task Injected_outcome_is_a_downstream_error_retried_only_when_transient(string outcomeStatus, int attempts)
    {
        using var host = Host(("OutcomeRate", "1"), ("OutcomeStatus", outcomeStatus));

        var (_, body) = await host.PostAsync(Query);

        var error = body["errors"]![0]!;
        Assert.Equal("DOWNSTREAM_ERROR", (string?)error["extensions"]!["code"]);
        Assert.Equal(outcomeStatus, (string?)error["extensions"]!["status"]);
        Assert.Equal(attempts, (int?)ResilienceSettings.Calls(body, "profiles")[0]["attempts"] ?? 1);
    }

    [Fact]
    public async Task Chaos_configured_but_not_enabled_injects_nothing()
    {
        var settings = ResilienceSettings.Fast(outage, ("Bff:Sources:profiles:Chaos:FaultRate", "1"));
        using var host = new TestHost<TProgram>(settings);

        var (_, body) = await host.PostAsync(Query);

        Assert.Null(body["errors"]);
        Assert.Equal(1, outage.ProfilesLog.Total);
    }

    private TestHost<TProgram> Host(params (string Key, string Value)[] chaos) =>
        new(ResilienceSettings.Fast(outage,
            [
                ("Bff:Sources:profiles:Timeout", "00:00:00.600"),
                ("Bff:Sources:profiles:Resilience:AttemptTimeout", "00:00:00.200"),
                ("Bff:Sources:profiles:Chaos:Enabled", "true"),
                .. chaos.Select(c => ($"Bff:Sources:profiles:Chaos:{c.Key}", c.Value)),
            ]));
}

public sealed class MobileChaosTests(OutageFixture outage) : ChaosSuite<Bff.MobileBff.Program>(outage);

public sealed class WebChaosTests(OutageFixture outage) : ChaosSuite<Bff.WebBff.Program>(outage);
