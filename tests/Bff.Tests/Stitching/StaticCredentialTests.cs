using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching;

/// <summary>A source with fixed credentials receives them whoever calls; with forwarding off it receives nothing.</summary>
[Collection(DemoCollection.Name)]
public sealed class StaticCredentialTests(DemoServicesFixture demo)
{
    [Fact]
    public async Task Static_credential_replaces_the_callers_token()
    {
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Sources:jobs:Auth:Mode"] = "Static",
            ["Bff:Sources:jobs:Auth:Value"] = "Bearer service-account-secret",
            ["Bff:Sources:proposals:Auth:Mode"] = "None",
        });
        var correlation = Guid.NewGuid().ToString("N");

        var (status, _) = await host.PostAsync("{ jobs(first: 2) { nodes { id stats { proposalCount } } } }", demo.Token("p3"), null,
            ("X-Correlation-Id", correlation));

        Assert.Equal(200, status);
        Assert.All(demo.JobsLog.Recent.Where(r => r.CorrelationId == correlation), r => Assert.Equal("Bearer service-account-secret", r.Authorization));
        var proposals = demo.ProposalsLog.Recent.Where(r => r.CorrelationId == correlation).ToList();
        Assert.NotEmpty(proposals);
        Assert.All(proposals, r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task Static_credential_read_from_an_environment_variable()
    {
        var variable = "BFF_TEST_JOBS_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "Bearer from-the-environment");
        try
        {
            using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
            {
                ["Bff:Sources:jobs:Auth:Mode"] = "Static",
                ["Bff:Sources:jobs:Auth:ValueFrom"] = "env:" + variable,
            });
            var correlation = Guid.NewGuid().ToString("N");

            var (status, _) = await host.PostAsync("{ job(id: \"j2\") { id } }", null, null, ("X-Correlation-Id", correlation));

            Assert.Equal(200, status);
            Assert.Equal("Bearer from-the-environment", demo.JobsLog.Recent.Single(r => r.CorrelationId == correlation).Authorization);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task A_credential_restricted_to_one_grpc_method_is_sent_on_that_method_only()
    {
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Sources:proposals:Auth:Mode"] = "None",
            ["Bff:Sources:proposals:Auth:Credentials:0:Header"] = "Authorization",
            ["Bff:Sources:proposals:Auth:Credentials:0:Value"] = "Bearer get-proposal-only",
            ["Bff:Sources:proposals:Auth:Credentials:0:Operations:0"] = "marketplace.proposals.v1.ProposalService/GetProposal",
        });
        var correlation = Guid.NewGuid().ToString("N");

        var (status, _) = await host.PostAsync("{ proposal(id: \"pr1\") { id } proposals(jobId: \"j1\", first: 1) { totalCount } }", demo.Token("p3"), null,
            ("X-Correlation-Id", correlation));

        Assert.Equal(200, status);
        var calls = demo.ProposalsLog.Recent.Where(r => r.CorrelationId == correlation).ToList();
        Assert.Equal("Bearer get-proposal-only", calls.Single(c => c.Key.EndsWith("/GetProposal", StringComparison.Ordinal)).Authorization);
        Assert.Null(calls.Single(c => c.Key.EndsWith("/ListProposals", StringComparison.Ordinal)).Authorization);
    }
}
