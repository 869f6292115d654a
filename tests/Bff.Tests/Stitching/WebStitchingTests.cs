using System.Text.Json.Nodes;
using Bff.Stitching;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;
using Bff.Stitching.Composition;

namespace Bff.Tests.Stitching;

[Collection(DemoCollection.Name)]
public sealed class WebStitchingTests(DemoServicesFixture demo)
{
    private readonly HostClient _host = HostClient.For<Bff.WebBff.Program>(demo);

    [Fact]
    public void Printed_schema_matches_snapshot() =>
        BffSchemaPrinter.Print(_host.Services.GetRequiredService<BffSchema>()).MatchSnapshot();

    [Fact]
    public async Task Client_dashboard_batches_every_nested_list()
    {
        var (status, body) = await _host.PostAsync("""
            query Dashboard($id: ID!) { profile(id: $id) { fullName location { city country }
              postedJobs { id title status stats { proposalCount averageBid { amountCents currency } }
                proposals { id status bid { amountCents currency } freelancer { id fullName rating } } } } }
            """, new { id = "p1" });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var jobs = body["data"]!["profile"]!["postedJobs"]!.AsArray();
        Assert.NotEmpty(jobs);
        // profile + freelancers (one batch), postedJobs, proposals + stats (one batch each).
        Assert.Equal(new Dictionary<string, int> { ["profiles"] = 2, ["jobs"] = 1, ["proposals"] = 2 }, HostClient.CallsPerSource(body));
        JsonSnapshot.Of(body["data"]).MatchSnapshot();
    }

    [Fact]
    public async Task Proposals_from_grpc_resolve_job_and_freelancer_with_one_batched_call_each()
    {
        var (status, body) = await _host.PostAsync("""
            { proposals(freelancerId: "p3", first: 20) { totalCount nodes { id job { id title client { fullName } } freelancer { id fullName } } } }
            """);

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var nodes = body["data"]!["proposals"]!["nodes"]!.AsArray();
        Assert.True(nodes.Count > 1, "the seed gives p3 several proposals");
        Assert.All(nodes, n => Assert.Equal("p3", (string?)n!["freelancer"]!["id"]));
        Assert.All(nodes, n => Assert.NotNull(n!["job"]!["title"]));
        var calls = body["extensions"]!["downstream"]!.AsArray();
        Assert.Single(calls, c => (string?)c!["source"] == "jobs");
        Assert.Equal(2, calls.Count(c => (string?)c!["source"] == "profiles")); // freelancers, then the jobs' clients
        Assert.Single(calls, c => (string?)c!["source"] == "proposals");
    }

    [Fact]
    public async Task Jobs_filter_by_enum_and_page()
    {
        var (status, body) = await _host.PostAsync("{ jobs(first: 5, status: OPEN) { totalCount nodes { id status budget { min max currency } } } }");

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var nodes = body["data"]!["jobs"]!["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count);
        Assert.All(nodes, n => Assert.Equal("OPEN", (string?)n!["status"]));
    }

    [Fact]
    public async Task Post_job_mutation_sends_a_mapped_body()
    {
        // The mutation writes, so it runs against a jobs service of its own: the shared one stays as seeded for the
        // snapshot tests, whatever order the tests run in.
        var jobsLog = new Bff.Samples.Common.RequestLog();
        await using var jobs = Bff.Samples.Jobs.JobsService.Create("http://127.0.0.1:0", jobsLog, new Bff.Samples.Common.HttpFaults());
        await jobs.StartAsync();
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?> { ["Bff:Sources:jobs:BaseAddress"] = jobs.Urls.First() });

        var (status, body) = await host.PostAsync("""
            mutation ($input: PostJobInput!) { postJob(input: $input) { id title budget { min max currency } client { id } } }
            """, new { input = new { title = "Build a BFF", description = "GraphQL gateway in .NET", clientId = "p2", budgetMin = 1000, budgetMax = 2000, skills = new[] { "dotnet" } } });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal(1, jobsLog.Count("POST /jobs"));
        var job = body["data"]!["postJob"]!;
        Assert.Equal("Build a BFF", (string?)job["title"]);
        Assert.Equal(2000, (int)job["budget"]!["max"]!);
        Assert.Equal("p2", (string?)job["client"]!["id"]);
    }
}
