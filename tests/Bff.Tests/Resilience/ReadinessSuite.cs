using Bff.Tests.Fixtures;

namespace Bff.Tests.Resilience;

/// <summary><c>GET /health/ready</c> lists every source with its circuit; the concurrency limit sheds calls without queueing forever.</summary>
[Collection(OutageCollection.Name)]
public abstract class ReadinessSuite<TProgram>(OutageFixture outage) : IAsyncLifetime
    where TProgram : class
{
    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Fact]
    public async Task Ready_lists_every_source_with_a_closed_circuit()
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage));

        var ready = await host.ReadyAsync();

        Assert.Equal("healthy", (string?)ready["status"]);
        Assert.Equal(
            """{"jobs":{"kind":"rest","circuit":"closed"},"profiles":{"kind":"rest","circuit":"closed"},"proposals":{"kind":"grpc","circuit":"closed"},"reviews":{"kind":"graphql","circuit":"closed"}}""",
            ready["sources"]!.ToJsonString());
        using var live = await host.Http.GetAsync("/health/live");
        Assert.Equal(200, (int)live.StatusCode);
    }

    [Fact]
    public async Task Calls_past_the_concurrency_limit_fail_at_once_as_unavailable()
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Sources:profiles:Resilience:MaxConcurrentCalls", "1"),
            ("Bff:Sources:profiles:Resilience:MaxQueuedCalls", "0")));
        outage.ProfilesFaults.Delay = TimeSpan.FromMilliseconds(400);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.PostAsync("""{ profile(id: "p1") { id } }""")));

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Contains(answers, a => a.Body["errors"] is null);
        var shed = answers.Where(a => a.Body["errors"] is not null).Select(a => a.Body).ToList();
        Assert.NotEmpty(shed);
        Assert.All(shed, b =>
        {
            Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)b["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal("concurrency_limit", (string?)b["errors"]![0]!["extensions"]!["reason"]);
            Assert.True((bool)ResilienceSettings.Calls(b, "profiles")[0]["shortCircuited"]!);
        });
        Assert.Equal(4 - shed.Count, outage.ProfilesLog.Total);
    }
}

public sealed class MobileReadinessTests(OutageFixture outage) : ReadinessSuite<Bff.MobileBff.Program>(outage);

public sealed class WebReadinessTests(OutageFixture outage) : ReadinessSuite<Bff.WebBff.Program>(outage);
