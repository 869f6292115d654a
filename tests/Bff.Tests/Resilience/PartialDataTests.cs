using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;
using Snapshooter.Xunit;

namespace Bff.Tests.Resilience;

/// <summary>With one demo service really stopped, each host answers what it can and names exactly the fields it could not.</summary>
[Collection(OutageCollection.Name)]
public sealed class PartialDataTests(OutageFixture outage) : IAsyncLifetime
{
    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Fact]
    public async Task Web_dashboard_with_proposals_down_returns_profiles_and_jobs_and_one_error_per_job_field()
    {
        using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage));
        await outage.StopAsync("proposals");

        var (status, body) = await host.PostAsync("""
            query Dashboard($id: ID!) { profile(id: $id) { fullName location { city country }
              postedJobs { id title status stats { proposalCount } proposals { id bid { amountCents } freelancer { fullName } } } } }
            """, new { id = "p1" });

        Assert.Equal(200, status);
        JsonSnapshot.Of(Snapshot(body)).MatchSnapshot();
        Assert.Equal(0, outage.ProposalsLog.Total);
        Assert.All(ResilienceSettings.Calls(body, "proposals"), c => Assert.Equal(3, (int)c["attempts"]!)); // refused: retried, never sent

        await outage.StartAsync("proposals");
        var (_, recovered) = await host.PostAsync("""{ profile(id: "p1") { postedJobs { stats { proposalCount } proposals { id } } } }""");
        Assert.Null(recovered["errors"]);
        Assert.All(recovered["data"]!["profile"]!["postedJobs"]!.AsArray(), j => Assert.NotNull(j!["stats"]));
    }

    [Fact]
    public async Task Mobile_job_feed_with_profiles_down_returns_jobs_and_counts_and_one_error_per_client()
    {
        using var host = new TestHost<Bff.MobileBff.Program>(ResilienceSettings.Fast(outage));
        await outage.StopAsync("profiles");

        var (status, body) = await host.PostAsync("{ jobFeed(first: 3) { items { id title client { name } proposalCount } } }");

        Assert.Equal(200, status);
        JsonSnapshot.Of(Snapshot(body)).MatchSnapshot();
    }

    [Theory]
    [InlineData("profiles")]
    [InlineData("jobs")]
    [InlineData("proposals")]
    public async Task Both_hosts_answer_queries_that_do_not_need_the_stopped_service(string stopped)
    {
        using var mobile = new TestHost<Bff.MobileBff.Program>(ResilienceSettings.Fast(outage));
        using var web = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage));
        await outage.StopAsync(stopped);
        var queries = new Dictionary<string, string>
        {
            ["profiles"] = """{ profile(id: "p1") { id } }""",
            ["jobs"] = """{ job(id: "j1") { id } }""",
            ["proposals"] = """{ proposal(id: "pr1") { id } }""",
        };

        foreach (var host in new Func<string, Task<(int Status, JsonObject Body)>>[] { q => mobile.PostAsync(q), q => web.PostAsync(q) })
        {
            foreach (var (source, query) in queries)
            {
                var (status, body) = await host(query);
                Assert.Equal(200, status);
                if (source == stopped)
                {
                    Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)body["errors"]![0]!["extensions"]!["code"]);
                    Assert.Equal(source, (string?)body["errors"]![0]!["extensions"]!["source"]);
                }
                else
                {
                    Assert.Null(body["errors"]);
                }
            }
        }
    }

    [Fact]
    public async Task Failed_non_null_field_nulls_its_nearest_nullable_parent_with_exactly_one_error()
    {
        var schema = CustomSchema.Write("""
            type Query {
              job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}")
              profile(id: ID!): Profile @rest(source: "profiles", path: "/profiles/{args.id}")
            }
            type Job {
              id: ID!
              stats: Stats! @grpc(source: "proposals", method: "marketplace.proposals.v1.ProposalService/BatchGetJobStats",
                                  request: "job_ids: {keys}", select: "stats", batchKey: "{parent.id}", matchOn: "job_id")
            }
            type Stats { proposalCount: Int! }
            type Profile { id: ID! }
            """);
        try
        {
            using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage, ("Bff:Schema", schema)));
            await outage.StopAsync("proposals");

            var (status, body) = await host.PostAsync("""{ job(id: "j1") { id stats { proposalCount } } profile(id: "p1") { id } }""");

            Assert.Equal(200, status);
            Assert.Equal("""{"job":null,"profile":{"id":"p1"}}""", body["data"]!.ToJsonString());
            var error = Assert.Single(body["errors"]!.AsArray())!;
            Assert.Equal("""["job","stats"]""", error["path"]!.ToJsonString());
            Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)error["extensions"]!["code"]);
        }
        finally
        {
            CustomSchema.Delete(schema);
        }
    }

    [Fact]
    public async Task Cache_answers_while_the_circuit_is_open_and_a_shared_failure_keeps_each_fields_path()
    {
        using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage,
            ("Bff:Caching:Enabled", "true"),
            ("Bff:Sources:profiles:Resilience:Retry:MaxRetries", "0"),
            ("Bff:Sources:profiles:Resilience:CircuitBreaker:MinimumThroughput", "2")));
        var (_, warm) = await host.PostAsync("""{ profile(id: "p1") { id } }""");
        Assert.Null(warm["errors"]);
        outage.ProfilesFaults.FailWithStatus = 503;

        // Two aliases of one uncached call are coalesced into one downstream call; each alias gets its own error.
        var (_, failed) = await host.PostAsync("""{ a: profile(id: "p2") { id } b: profile(id: "p2") { id } }""");
        Assert.Equal(["[\"a\"]", "[\"b\"]"], failed["errors"]!.AsArray().Select(e => e!["path"]!.ToJsonString()).Order());
        await host.PostAsync("""{ profile(id: "p3") { id } }""");
        Assert.Equal("open", (string?)(await host.ReadyAsync())["sources"]!["profiles"]!["circuit"]);

        var (status, cached) = await host.PostAsync("""{ profile(id: "p1") { id } }""");

        Assert.Equal(200, status);
        Assert.Null(cached["errors"]);
        Assert.Equal("cache_hit", (string?)ResilienceSettings.Calls(cached, "profiles")[0]["outcome"]);
    }

    private static JsonObject Snapshot(JsonObject body) =>
        new() { ["data"] = body["data"]?.DeepClone(), ["errors"] = ResilienceSettings.SortedErrors(body) };
}
