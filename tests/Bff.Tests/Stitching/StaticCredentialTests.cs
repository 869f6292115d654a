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
}
