using Bff.Tests.Fixtures;
using Grpc.Core;

namespace Bff.Tests.Resilience;

/// <summary>Calls that change state are never repeated, unless the service certainly never received them; batches retry whole.</summary>
[Collection(OutageCollection.Name)]
public sealed class WriteRetryTests(OutageFixture outage) : IAsyncLifetime
{
    private const string PostJob = """
        mutation { postJob(input: { title: "Retry?", description: "No.", clientId: "p2", budgetMin: 1, budgetMax: 2 }) { id } }
        """;

    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Fact]
    public async Task Rest_post_is_never_retried()
    {
        using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage));
        outage.JobsFaults.FailWithStatus = 503;

        var (status, body) = await host.PostAsync(PostJob);

        Assert.Equal(200, status);
        Assert.Equal("DOWNSTREAM_ERROR", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(1, outage.JobsLog.Count("POST /jobs"));
    }

    [Fact]
    public async Task Rest_post_that_timed_out_is_not_retried()
    {
        using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage));
        outage.JobsFaults.Delay = TimeSpan.FromSeconds(5);

        var (_, body) = await host.PostAsync(PostJob);

        Assert.Equal("DOWNSTREAM_TIMEOUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(1, outage.JobsLog.Count("POST /jobs"));
    }

    [Fact]
    public async Task Refused_connection_is_retried_even_for_a_post()
    {
        using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage));
        await outage.StopAsync("jobs");

        var (_, body) = await host.PostAsync(PostJob);

        var error = body["errors"]![0]!;
        Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)error["extensions"]!["code"]);
        Assert.Equal("ConnectionError", (string?)error["extensions"]!["reason"]);
        Assert.Equal(3, (int)ResilienceSettings.Calls(body, "jobs")[0]["attempts"]!);
    }

    [Fact]
    public async Task Non_idempotent_grpc_method_is_never_retried()
    {
        var schema = CustomSchema.Write("""
            type Query { ping: String }
            type Mutation {
              submitProposal(jobId: ID!): Proposal
                @grpc(source: "proposals", method: "marketplace.proposals.v1.ProposalService/SubmitProposal",
                      request: "job_id: {args.jobId}, freelancer_id: p9, estimated_days: 3")
            }
            type Proposal { id: ID! }
            """);
        try
        {
            using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage, ("Bff:Schema", schema)));
            outage.ProposalsFaults.FailWithStatus = StatusCode.Unavailable;

            var (_, body) = await host.PostAsync("""mutation { submitProposal(jobId: "j1") { id } }""");

            Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)body["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal(1, outage.ProposalsLog.Count("marketplace.proposals.v1.ProposalService/SubmitProposal"));
        }
        finally
        {
            CustomSchema.Delete(schema);
        }
    }

    [Fact]
    public async Task Failed_batch_is_retried_as_one_call_and_fails_each_child_with_its_own_path()
    {
        using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage));
        outage.ProposalsFaults.FailWithStatus = StatusCode.Unavailable;

        var (status, body) = await host.PostAsync("""{ jobs(first: 4) { nodes { id stats { proposalCount } } } }""");

        Assert.Equal(200, status);
        Assert.Equal(4, body["data"]!["jobs"]!["nodes"]!.AsArray().Count);
        var paths = body["errors"]!.AsArray().Select(e => e!["path"]!.ToJsonString()).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"[\"jobs\",\"nodes\",{i},\"stats\"]"), paths);
        Assert.True(3 == outage.ProposalsLog.Count("marketplace.proposals.v1.ProposalService/BatchGetJobStats"), body.ToJsonString());
        var call = Assert.Single(ResilienceSettings.Calls(body, "proposals"));
        Assert.Equal(4, (int)call["batchSize"]!);
    }
}
