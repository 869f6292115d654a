using Bff.Tests.Fixtures;

namespace Bff.Tests.Auth;

/// <summary>@authorize and claim-fed bindings on the mobile host.</summary>
[Collection(DemoCollection.Name)]
public sealed class MobileAuthorizationTests(DemoServicesFixture demo)
{
    private readonly HostClient _host = HostClient.For<Bff.MobileBff.Program>(demo);

    [Fact]
    public async Task My_proposals_are_the_token_subjects_and_need_the_read_scope()
    {
        var (_, without) = await _host.PostAsync("{ myProposals { totalCount } jobFeed(first: 1) { total } }", demo.Token("p3"));
        var (_, with) = await _host.PostAsync("{ myProposals(first: 20) { totalCount items { freelancer { id } } } }", demo.Token("p3", ["proposals:read"]));

        Assert.Null(without["data"]!["myProposals"]);
        Assert.NotNull(without["data"]!["jobFeed"]!["total"]);
        Assert.Equal("FORBIDDEN", (string?)without["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(with["errors"]);
        Assert.All(with["data"]!["myProposals"]!["items"]!.AsArray(), i => Assert.Equal("p3", (string?)i!["freelancer"]!["id"]));
    }

    [Fact]
    public async Task Me_reads_the_profile_of_the_token_subject()
    {
        var (_, body) = await _host.PostAsync("{ me { id name } }", demo.Token("p42"));

        Assert.Equal("p42", (string?)body["data"]!["me"]!["id"]);
    }
}
