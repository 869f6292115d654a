using Bff.Tests.Fixtures;

namespace Bff.Tests.Resilience;

/// <summary>The circuit of a failing source opens, short-circuits calls, half-opens after the break and closes on success.</summary>
[Collection(OutageCollection.Name)]
public abstract class CircuitBreakerSuite<TProgram>(OutageFixture outage) : IAsyncLifetime
    where TProgram : class
{
    private const string Query = """{ profile(id: "p1") { id } }""";

    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Fact]
    public async Task Circuit_opens_short_circuits_half_opens_and_closes()
    {
        var logs = new LogCapture();
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Sources:profiles:Resilience:Retry:MaxRetries", "0"),
            ("Bff:Sources:profiles:Resilience:CircuitBreaker:MinimumThroughput", "4"),
            ("Bff:Sources:profiles:Resilience:CircuitBreaker:FailureRatio", "0.5"),
            ("Bff:Sources:profiles:Resilience:CircuitBreaker:SamplingDuration", "00:00:30"),
            ("Bff:Sources:profiles:Resilience:CircuitBreaker:BreakDuration", "00:00:00.500")), logs.Register);
        outage.ProfilesFaults.FailWithStatus = 503;

        for (var i = 0; i < 4; i++)
        {
            var (status, failed) = await host.PostAsync(Query);
            Assert.Equal(200, status);
            Assert.Equal("DOWNSTREAM_ERROR", (string?)failed["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal("503", (string?)failed["errors"]![0]!["extensions"]!["status"]);
        }

        Assert.Equal("open", (string?)(await host.ReadyAsync())["sources"]!["profiles"]!["circuit"]);
        for (var i = 0; i < 5; i++)
        {
            var (status, open) = await host.PostAsync(Query);
            Assert.Equal(200, status);
            var error = open["errors"]![0]!;
            Assert.Equal("CIRCUIT_OPEN", (string?)error["extensions"]!["code"]);
            Assert.Equal("profiles", (string?)error["extensions"]!["source"]);
            Assert.Equal("[\"profile\"]", error["path"]!.ToJsonString());
            var call = Assert.Single(ResilienceSettings.Calls(open, "profiles"));
            Assert.True((bool)call["shortCircuited"]!);
            Assert.Equal(0, (int)call["attempts"]!);
        }

        Assert.Equal(4, outage.ProfilesLog.Total); // the short-circuited calls never reached the service

        outage.ProfilesFaults.Reset();
        await WaitForAsync(host, "half-open");
        var (_, trial) = await host.PostAsync(Query);
        Assert.Null(trial["errors"]);
        Assert.Equal("p1", (string?)trial["data"]!["profile"]!["id"]);
        var ready = await host.ReadyAsync();
        Assert.Equal("closed", (string?)ready["sources"]!["profiles"]!["circuit"]);
        Assert.Equal("healthy", (string?)ready["status"]);
        Assert.Equal(5, outage.ProfilesLog.Total);

        Assert.Equal(1, logs.Count(4001)); // opened: logged once, not per short-circuited request
        Assert.Equal(1, logs.Count(4002)); // half-opened
        Assert.Equal(1, logs.Count(4003)); // closed
    }

    [Fact]
    public async Task Failed_trial_reopens_the_circuit()
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Sources:proposals:Resilience:Retry:MaxRetries", "0"),
            ("Bff:Sources:proposals:Resilience:CircuitBreaker:MinimumThroughput", "2"),
            ("Bff:Sources:proposals:Resilience:CircuitBreaker:BreakDuration", "00:00:00.500")));
        outage.ProposalsFaults.FailWithStatus = Grpc.Core.StatusCode.Unavailable;
        for (var i = 0; i < 2; i++)
        {
            await host.PostAsync("""{ proposal(id: "pr1") { id } }""");
        }

        var ready = await host.ReadyAsync();
        Assert.Equal("open", (string?)ready["sources"]!["proposals"]!["circuit"]);
        Assert.Equal("degraded", (string?)ready["status"]);
        await WaitForAsync(host, "half-open", "proposals");

        var (_, trial) = await host.PostAsync("""{ proposal(id: "pr1") { id } }""");

        Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)trial["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("open", (string?)(await host.ReadyAsync())["sources"]!["proposals"]!["circuit"]);
        Assert.Equal(3, outage.ProposalsLog.Total);
    }

    private static async Task WaitForAsync(TestHost<TProgram> host, string state, string source = "profiles")
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((string?)(await host.ReadyAsync())["sources"]![source]!["circuit"] != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the {source} circuit did not become {state}");
            await Task.Delay(50);
        }
    }
}

public sealed class MobileCircuitBreakerTests(OutageFixture outage) : CircuitBreakerSuite<Bff.MobileBff.Program>(outage);

public sealed class WebCircuitBreakerTests(OutageFixture outage) : CircuitBreakerSuite<Bff.WebBff.Program>(outage);
