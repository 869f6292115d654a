using System.Text.Json;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>
/// The web host as shipped: fragments on the abstract types of the reviews service (the union <c>Reviewer</c>, the
/// interface <c>Named</c>) reach it with their type conditions and <c>__typename</c>, so it answers the right shape.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ReviewsFragmentTests(DemoServicesFixture demo)
{
    private readonly HostClient _host = HostClient.For<Bff.WebBff.Program>(demo);

    [Fact]
    public async Task Inline_fragments_and_spreads_on_a_union_keep_their_type_conditions()
    {
        demo.ReviewsOperations.Reset();

        var (status, body) = await _host.PostAsync("""
            query ($n: Int!) { profiles(first: 12) { nodes { reviews { latest(first: 6) {
              reviewer { __typename ... on Company { name reviews(first: $n) { stars } } ...P ... on Named { label: name } } } } } } }
            fragment P on Person { name verified }
            """, new { n = 2 });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var reviewers = body["data"]!["profiles"]!["nodes"]!.AsArray()
            .SelectMany(n => n!["reviews"]!["latest"]!.AsArray()).Select(r => r!["reviewer"]!.AsObject()).ToList();
        var companies = reviewers.Where(r => (string?)r["__typename"] == "Company").ToList();
        var people = reviewers.Where(r => (string?)r["__typename"] == "Person").ToList();
        Assert.NotEmpty(companies);
        Assert.NotEmpty(people);
        Assert.Equal(reviewers.Count, companies.Count + people.Count);
        Assert.All(companies, c => Assert.InRange(c["reviews"]!.AsArray().Count, 1, 2));
        Assert.All(companies, c => Assert.False(c.ContainsKey("verified")));
        Assert.All(people, p => Assert.False(p.ContainsKey("reviews")));
        Assert.All(people, p => Assert.Contains(p["verified"]!.GetValueKind(), new[] { JsonValueKind.True, JsonValueKind.False }));
        Assert.All(reviewers, r => Assert.Equal((string?)r["name"], (string?)r["label"]));
        var received = Assert.Single(demo.ReviewsOperations.All);
        Assert.Contains("reviewer { __typename ... on Company { name reviews(first: $_v2) { stars } } ... on Person { name verified } ... on Named { name } }", received.Query);
        Assert.Equal(2, (int)JsonNode.Parse(received.Variables!)!["_v2"]!);
    }

    [Fact]
    public async Task A_spread_typed_on_the_union_itself_is_flattened_and_its_inner_fragments_kept()
    {
        demo.ReviewsOperations.Reset();

        var (status, body) = await _host.PostAsync("""
            { reviews(profileId: "p1", first: 10) { reviewer { ...Who } } }
            fragment Who on Reviewer { ... on Person { name } ... on Company { company: name } }
            """);

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.NotEmpty(body["data"]!["reviews"]!.AsArray());
        Assert.All(body["data"]!["reviews"]!.AsArray(), r => Assert.True(r!["reviewer"]!["name"] is not null ^ r!["reviewer"]!["company"] is not null));
        Assert.Contains("reviewer { __typename ... on Person { name } ... on Company { name } }", Assert.Single(demo.ReviewsOperations.All).Query);
    }
}
