using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;
using Bff.Tests.Resilience;

namespace Bff.Tests.Stitching.Instances;

/// <summary>
/// Sources with several instances, on real loopback servers: jobs (REST, balanced over addresses found by service
/// discovery) and proposals (gRPC, the channel's client-side round robin over a static resolver).
/// </summary>
[Collection(InstancesCollection.Name)]
public abstract class InstancesSuite<TProgram>(InstancesFixture instances) : IAsyncLifetime
    where TProgram : class
{
    private const string Query = """{ job(id: "j1") { id } proposal(id: "pr1") { id } }""";
    private static readonly string[] Sources = ["jobs", "proposals"];

    public Task InitializeAsync() => instances.ResetAsync();

    public Task DisposeAsync() => instances.ResetAsync();

    [Fact]
    public async Task Calls_spread_over_every_instance()
    {
        using var host = new TestHost<TProgram>(Settings());

        Assert.Empty(await FailedAsync(host, 20));

        for (var i = 0; i < InstancesFixture.Count; i++)
        {
            // Round robin: 10 each for REST; gRPC's balancer may start later on its second instance, never skip it.
            Assert.InRange(instances.JobsLogs[i].Total, 8, 12);
            Assert.InRange(instances.ProposalsLogs[i].Total, 5, 15);
        }

        var ready = await host.ReadyAsync();
        foreach (var source in Sources)
        {
            var shown = ready["sources"]![source]!["instances"]!.AsArray();
            Assert.Equal(InstancesFixture.Count, shown.Count);
            for (var i = 0; i < InstancesFixture.Count; i++)
            {
                Assert.Equal(new Uri(instances.Url(source, i)), new Uri((string)shown[i]!["address"]!));
                Assert.True((bool)shown[i]!["up"]!, $"{source} instance {i} should be up");
            }
        }

        Assert.Null(ready["sources"]!["profiles"]!["instances"]); // one BaseAddress: no instance list
    }

    [Fact]
    public async Task Stopped_instance_is_skipped_without_failed_requests_and_serves_again_after_restart()
    {
        using var host = new TestHost<TProgram>(Settings());
        Assert.Empty(await FailedAsync(host, 4));

        await instances.StopInstanceAsync(0);
        foreach (var log in instances.JobsLogs.Concat(instances.ProposalsLogs))
        {
            log.Reset();
        }

        Assert.Empty(await FailedAsync(host, 30));
        Assert.Equal(30, instances.JobsLogs[1].Total);
        Assert.Equal(30, instances.ProposalsLogs[1].Total);
        Assert.Equal(0, instances.JobsLogs[0].Total + instances.ProposalsLogs[0].Total);
        var ready = await host.ReadyAsync();
        Assert.Equal("healthy", (string?)ready["status"]);
        foreach (var source in Sources)
        {
            Assert.Equal("closed", (string?)ready["sources"]![source]!["circuit"]);
            Assert.False((bool)ready["sources"]![source]!["instances"]![0]!["up"]!, $"{source} instance 0 should be shown down");
            Assert.True((bool)ready["sources"]![source]!["instances"]![1]!["up"]!);
        }

        await instances.StartInstanceAsync(0);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (instances.JobsLogs[0].Total == 0 || instances.ProposalsLogs[0].Total == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the restarted instance got no calls back");
            Assert.Empty(await FailedAsync(host, 1));
            await Task.Delay(100);
        }

        ready = await host.ReadyAsync();
        foreach (var source in Sources)
        {
            Assert.True((bool)ready["sources"]![source]!["instances"]![0]!["up"]!, $"{source} instance 0 should be shown up again");
        }
    }

    [Fact]
    public async Task Every_instance_down_is_unavailable_then_circuit_open()
    {
        using var host = new TestHost<TProgram>(Settings());
        Assert.Empty(await FailedAsync(host, 2));
        await instances.StopInstanceAsync(0);
        await instances.StopInstanceAsync(1);

        for (var i = 0; i < 2; i++)
        {
            var (_, body) = await host.PostAsync(Query);
            Assert.Equal(["DOWNSTREAM_UNAVAILABLE", "DOWNSTREAM_UNAVAILABLE"], Codes(body));
        }

        var (_, open) = await host.PostAsync(Query);
        Assert.Equal(["CIRCUIT_OPEN", "CIRCUIT_OPEN"], Codes(open));
        var ready = await host.ReadyAsync();
        foreach (var source in Sources)
        {
            Assert.Equal("open", (string?)ready["sources"]![source]!["circuit"]);
        }

        Assert.All(ready["sources"]!["jobs"]!["instances"]!.AsArray(), instance => Assert.False((bool)instance!["up"]!));
    }

    [Fact]
    public void Bad_addresses_stop_the_host_with_every_other_problem()
    {
        var settings = Settings();
        settings["Bff:Sources:jobs:Addresses:1"] = "jobs-2:8080";
        settings["Bff:Sources:proposals:BaseAddress"] = "http://elsewhere:9000";
        settings["Bff:Sources:profiles:Timeout"] = "-00:00:01";
        using var factory = new BffHostFactory<TProgram>(settings);

        var ex = Assert.Throws<Bff.Stitching.BffConfigurationException>(() => factory.StartServer());

        Assert.Contains(ex.Errors, e => e.Contains("Bff:Sources:jobs:Addresses:1: 'jobs-2:8080' is not an absolute http or https URI", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("Bff:Sources:proposals: BaseAddress 'http://elsewhere:9000/' is not one of Addresses", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("Bff:Sources:profiles:Timeout: must be positive", StringComparison.Ordinal));
    }

    // Retries off and a breaker that opens at half of two calls: only the connector's move to another instance
    // keeps calls alive while one instance is down, and one failed call per instance would open the circuit.
    private Dictionary<string, string?> Settings()
    {
        var settings = instances.HostSettings;
        foreach (var source in Sources)
        {
            var key = $"Bff:Sources:{source}";
            settings[$"{key}:InstanceRecheck"] = "00:00:00.500";
            settings[$"{key}:Timeout"] = "00:00:04";
            // Generous: a cold host on a busy machine must not time out a call the test counts as served.
            settings[$"{key}:Resilience:AttemptTimeout"] = "00:00:03.500";
            settings[$"{key}:Resilience:Retry:MaxRetries"] = "0";
            settings[$"{key}:Resilience:CircuitBreaker:MinimumThroughput"] = "2";
            settings[$"{key}:Resilience:CircuitBreaker:FailureRatio"] = "0.5";
            settings[$"{key}:Resilience:CircuitBreaker:SamplingDuration"] = "00:00:30";
            settings[$"{key}:Resilience:CircuitBreaker:BreakDuration"] = "00:00:30";
        }

        return settings;
    }

    private static string[] Codes(JsonObject body) =>
        [.. ResilienceSettings.SortedErrors(body).Select(e => (string?)e!["extensions"]!["code"] ?? "")];

    // The responses of the requests that did not answer both fields, for the assertion message.
    private static async Task<List<string>> FailedAsync(TestHost<TProgram> host, int requests)
    {
        var failed = new List<string>();
        for (var i = 0; i < requests; i++)
        {
            var (status, body) = await host.PostAsync(Query);
            if (status != 200 || body["errors"] is not null || (string?)body["data"]?["job"]?["id"] != "j1" || (string?)body["data"]?["proposal"]?["id"] != "pr1")
            {
                failed.Add($"{status} {body.ToJsonString()}");
            }
        }

        return failed;
    }
}

public sealed class MobileInstancesTests(InstancesFixture instances) : InstancesSuite<Bff.MobileBff.Program>(instances);

public sealed class WebInstancesTests(InstancesFixture instances) : InstancesSuite<Bff.WebBff.Program>(instances);
