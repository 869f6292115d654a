using Bff.Tests.Fixtures;

namespace Bff.Tests.Auth;

/// <summary>@authorize on the web host: per-field null with the rest intact, scopes, named policies, claim-fed bindings, no call when refused.</summary>
[Collection(DemoCollection.Name)]
public sealed class WebAuthorizationTests(DemoServicesFixture demo)
{
    private const string SubmitProposal = "marketplace.proposals.v1.ProposalService/SubmitProposal";
    private readonly HostClient _host = HostClient.For<Bff.WebBff.Program>(demo);

    [Fact]
    public async Task Refused_field_is_null_with_forbidden_and_the_rest_of_the_query_resolves()
    {
        var before = demo.ProposalsLog.Count("marketplace.proposals.v1.ProposalService/ListProposals");
        var (status, body) = await _host.PostAsync(
            "{ me { id fullName } myProposals { totalCount } job(id: \"j1\") { id title } }", demo.Token("p3"));

        Assert.Equal(200, status);
        Assert.Equal("p3", (string?)body["data"]!["me"]!["id"]);
        Assert.Equal("j1", (string?)body["data"]!["job"]!["id"]);
        Assert.Null(body["data"]!["myProposals"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("FORBIDDEN", (string?)error["extensions"]!["code"]);
        Assert.Equal("myProposals", (string?)error["path"]![0]);
        Assert.Contains("proposals:read", (string?)error["message"]);
        Assert.Equal(before, demo.ProposalsLog.Count("marketplace.proposals.v1.ProposalService/ListProposals"));
    }

    [Fact]
    public async Task Scope_grants_the_field_and_the_claim_feeds_the_grpc_request()
    {
        var (status, body) = await _host.PostAsync(
            "{ myProposals(first: 50) { totalCount nodes { freelancer { id } } } }", demo.Token("p3", ["proposals:read"]));

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var nodes = body["data"]!["myProposals"]!["nodes"]!.AsArray();
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n => Assert.Equal("p3", (string?)n!["freelancer"]!["id"]));
    }

    [Fact]
    public async Task Named_policy_needs_the_role_the_scope_is_not_enough()
    {
        var (_, asFreelancer) = await _host.PostAsync("{ myJobs { id } }", demo.Token("p1", ["proposals:read", "proposals:write"], ["freelancer"]));
        var (_, asClient) = await _host.PostAsync("{ myJobs { id } }", demo.Token("p1", roles: ["client"]));

        Assert.Equal("FORBIDDEN", (string?)asFreelancer["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(asFreelancer["data"]!["myJobs"]);
        Assert.Null(asClient["errors"]);
        Assert.NotEmpty(asClient["data"]!["myJobs"]!.AsArray());
    }

    [Fact]
    public async Task Mutation_without_the_write_scope_makes_no_call()
    {
        var before = demo.ProposalsLog.Count(SubmitProposal);
        var (status, body) = await _host.PostAsync(
            "mutation { submitProposal(input: { jobId: \"j3\", coverLetter: \"Hello\", bidCents: 50000, estimatedDays: 7 }) { id } }",
            demo.Token("p9", ["proposals:read"]));

        Assert.Equal(200, status);
        Assert.Null(body["data"]!["submitProposal"]);
        Assert.Equal("FORBIDDEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(before, demo.ProposalsLog.Count(SubmitProposal));
    }

    [Fact]
    public async Task Mutation_with_the_write_scope_submits_as_the_token_subject()
    {
        var (status, body) = await _host.PostAsync(
            "mutation ($input: SubmitProposalInput!) { submitProposal(input: $input) { id status freelancer { id } job { id } } }",
            demo.Token("p298", ["proposals:write"]),
            new { input = new { jobId = "j2", coverLetter = "I have built three of these.", bidCents = 120000, estimatedDays = 10 } });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal("p298", (string?)body["data"]!["submitProposal"]!["freelancer"]!["id"]);
        Assert.Equal("j2", (string?)body["data"]!["submitProposal"]!["job"]!["id"]);
        Assert.Equal("PENDING", (string?)body["data"]!["submitProposal"]!["status"]);
    }

    [Fact]
    public async Task Anonymous_caller_gets_unauthenticated_not_forbidden()
    {
        var (_, body) = await _host.PostAsync("{ myJobs { id } myProposals { totalCount } }");

        Assert.All(body["errors"]!.AsArray(), e => Assert.Equal("UNAUTHENTICATED", (string?)e!["extensions"]!["code"]));
        Assert.Equal(2, body["errors"]!.AsArray().Count);
    }

    [Fact]
    public async Task Authorize_directive_is_hidden_from_introspection()
    {
        var (_, body) = await _host.PostAsync("{ __schema { directives { name } } }");

        Assert.DoesNotContain(body["data"]!["__schema"]!["directives"]!.AsArray(), d => (string?)d!["name"] == "authorize");
    }
}
