using System.Diagnostics;
using Bff.Stitching;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Resilience;

/// <summary>Slow sources cost their fields within their budget; a spent request budget is a 504; a client that leaves cancels its calls.</summary>
[Collection(OutageCollection.Name)]
public abstract class TimeoutSuite<TProgram>(OutageFixture outage) : IAsyncLifetime
    where TProgram : class
{
    /// <summary>A query that calls one REST source, then (from its answer) the other.</summary>
    protected abstract (string Query, string First, string Second) Sequential { get; }

    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Fact]
    public async Task Source_that_sleeps_far_past_its_budget_fails_with_downstream_timeout_without_the_request_waiting()
    {
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Sources:profiles:Timeout", "00:00:00.600"),
            ("Bff:Sources:profiles:Resilience:AttemptTimeout", "00:00:00.250")));
        outage.ProfilesFaults.Delay = TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();

        var (status, body) = await host.PostAsync("""{ profile(id: "p1") { id } proposal(id: "pr1") { id } }""");

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3));
        Assert.Equal(200, status);
        Assert.Equal("pr1", (string?)body["data"]!["proposal"]!["id"]); // the other source still answers
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("DOWNSTREAM_TIMEOUT", (string?)error["extensions"]!["code"]);
        Assert.Equal("profiles", (string?)error["extensions"]!["source"]);
        Assert.Equal("[\"profile\"]", error["path"]!.ToJsonString());
        Assert.True(outage.ProfilesLog.Total is 2 or 3, body.ToJsonString()); // attempt timeouts are retried within the total budget
    }

    [Fact]
    public async Task Grpc_call_carries_a_deadline_from_the_remaining_budget_and_times_out()
    {
        var logs = new LogCapture();
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Sources:proposals:Timeout", "00:00:00.800"),
            ("Bff:Sources:proposals:Resilience:AttemptTimeout", "00:00:00.500"),
            ("Bff:Sources:proposals:Resilience:Retry:MaxRetries", "1")), logs.Register);
        await host.PostAsync("""{ proposal(id: "pr1") { id } }"""); // warm up: a cold first call spends its budget on JIT and connecting
        outage.ProposalsLog.Reset();
        outage.ProposalsFaults.Delay = TimeSpan.FromSeconds(30);

        var (_, body) = await host.PostAsync("""{ proposal(id: "pr1") { id } }""");

        Assert.True("DOWNSTREAM_TIMEOUT" == (string?)body["errors"]![0]!["extensions"]!["code"], string.Join("\n", logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message + " " + e.Exception)));
        var calls = outage.ProposalsLog.Recent;
        Assert.True(calls.Count == 2, body.ToJsonString() + string.Join(",", calls.Select(c => c.TimeLeft)));
        Assert.InRange(calls[0].TimeLeft!.Value, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(500)); // the attempt timeout
        Assert.InRange(calls[1].TimeLeft!.Value, TimeSpan.Zero, TimeSpan.FromMilliseconds(300)); // what is left of the 800 ms total, not a fresh 500 ms
    }

    [Fact]
    public async Task Spent_request_budget_answers_504_with_gateway_timeout()
    {
        var logs = new LogCapture();
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage,
            ("Bff:Http:RequestTimeout", "00:00:00.900"),
            ("Bff:Sources:profiles:Timeout", "00:00:00.800"),
            ("Bff:Sources:jobs:Timeout", "00:00:00.800"),
            ("Bff:Sources:proposals:Timeout", "00:00:00.800"),
            ("Bff:Sources:reviews:Timeout", "00:00:00.800")), logs.Register);
        var (query, first, second) = Sequential;
        Faults(first).Delay = TimeSpan.FromMilliseconds(500);
        Faults(second).Delay = TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();

        var (status, body) = await host.PostAsync(query);

        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(3));
        Assert.Equal(504, status);
        Assert.Null(body["data"]);
        Assert.Equal("GATEWAY_TIMEOUT", (string?)Assert.Single(body["errors"]!.AsArray())!["extensions"]!["code"]);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error); // a timeout is not a crash
    }

    [Fact]
    public async Task Client_that_disconnects_cancels_its_downstream_calls()
    {
        var probe = new CallProbe();
        var logs = new LogCapture();
        using var host = new TestHost<TProgram>(ResilienceSettings.Fast(outage), services =>
        {
            services.AddSingleton<IDownstreamCallFilter>(probe);
            logs.Register(services);
        });
        outage.ProfilesFaults.Delay = TimeSpan.FromSeconds(30);
        using var client = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.PostAsync("""{ profile(id: "p1") { id } }""", cancellationToken: client.Token));
        var ended = await probe.Ended.Task.WaitAsync(TimeSpan.FromSeconds(3));

        Assert.IsAssignableFrom<OperationCanceledException>(ended.Error);
        Assert.InRange(ended.After, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(1400)); // before the 1.5 s attempt timeout
        Assert.Equal(1, outage.ProfilesLog.Total);
        await Task.Delay(100);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private Bff.Samples.Common.HttpFaults Faults(string source) => source == "jobs" ? outage.JobsFaults : outage.ProfilesFaults;

    /// <summary>Watches the first call from outside the resilience filter: when it ended, and how.</summary>
    private sealed class CallProbe : IDownstreamCallFilter
    {
        public TaskCompletionSource<(TimeSpan After, Exception? Error)> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Order => 0;

        public async Task<DownstreamResponse> InvokeAsync(DownstreamCall call, DownstreamCallDelegate next, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await next(call, cancellationToken);
                Ended.TrySetResult((clock.Elapsed, null));
                return response;
            }
            catch (Exception ex)
            {
                Ended.TrySetResult((clock.Elapsed, ex));
                throw;
            }
        }
    }
}

public sealed class MobileTimeoutTests(OutageFixture outage) : TimeoutSuite<Bff.MobileBff.Program>(outage)
{
    protected override (string Query, string First, string Second) Sequential => ("""{ job(id: "j1") { id client { name } } }""", "jobs", "profiles");
}

public sealed class WebTimeoutTests(OutageFixture outage) : TimeoutSuite<Bff.WebBff.Program>(outage)
{
    protected override (string Query, string First, string Second) Sequential => ("""{ profile(id: "p1") { id postedJobs { id } } }""", "profiles", "jobs");
}
