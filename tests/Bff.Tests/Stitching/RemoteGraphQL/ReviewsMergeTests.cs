using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>
/// Fields bound to one remote GraphQL service in one level of the tree reach it as one request: each field's root
/// field under an alias, its variables prefixed by the alias, its errors and data split back by alias.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ReviewsMergeTests(DemoServicesFixture demo) : IDisposable
{
    private const string ProfileSdl = """
        type Query {
          profile(id: ID!): Profile @rest(source: "profiles", path: "/profiles/{args.id}")
          profiles(first: Int = 5 @range(min: 1, max: 20)): ProfilePage @rest(source: "profiles", path: "/profiles?limit={args.first}&offset=0")
        }
        type ProfilePage { nodes: [Profile!]! @from(path: "items") }
        type Profile {
          id: ID!
          summary: Summary @graphql(source: "reviews", field: "ratings", arguments: "profileIds: {keys}", batchKey: "{parent.id}", matchOn: "profileId")
          latest(first: Int = 2 @range(min: 0, max: 5)): [Review!] @graphql(source: "reviews", field: "reviews", arguments: "profileId: {parent.id}, first: {args.first}")
        }
        type Summary { count: Int! }
        type Review { stars: Int! text: String }
        """;

    private readonly string _sdl = Path.Combine("schemas", $"reviews-merge-{Guid.NewGuid():N}.graphql");
    private readonly HostClient _web = HostClient.For<Bff.WebBff.Program>(demo);

    public void Dispose() => File.Delete(Path.Combine(AppContext.BaseDirectory, _sdl));

    [Fact]
    public async Task Root_fields_to_one_service_go_in_one_request_with_aliases_and_prefixed_variables()
    {
        var (_, alone1) = await _web.PostAsync("""{ reviews(profileId: "p1", first: 1) { stars author } }""");
        var (_, alone2) = await _web.PostAsync("""{ reviews(profileId: "p2", first: 2) { stars author } }""");
        demo.ReviewsOperations.Reset();

        var (status, body) = await _web.PostAsync("""
            query ($p: ID!) { a: reviews(profileId: $p, first: 1) { stars author } b: reviews(profileId: "p2", first: 2) { stars author } }
            """, new { p = "p1" });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal(alone1["data"]!["reviews"]!.ToJsonString(), body["data"]!["a"]!.ToJsonString());
        Assert.Equal(alone2["data"]!["reviews"]!.ToJsonString(), body["data"]!["b"]!.ToJsonString());
        var received = Assert.Single(demo.ReviewsOperations.All);
        Assert.Equal("query Query_reviews($_0_profileId: ID!, $_0_first: Int, $_1_profileId: ID!, $_1_first: Int) { "
            + "_0: reviews(profileId: $_0_profileId, first: $_0_first) { stars author } _1: reviews(profileId: $_1_profileId, first: $_1_first) { stars author } }",
            received.Query);
        Assert.Equal("""{"_0_profileId":"p1","_0_first":1,"_1_profileId":"p2","_1_first":2}""", received.Variables);
        Assert.Equal(1, HostClient.CallsPerSource(body)["reviews"]);
    }

    [Fact]
    public async Task A_batched_field_and_a_field_per_parent_of_one_level_share_one_request()
    {
        using var host = Start(ProfileSdl);
        demo.ReviewsOperations.Reset();

        var (status, body) = await host.PostAsync("{ profiles(first: 5) { nodes { id summary { count } latest(first: 1) { stars } } } }");

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var nodes = body["data"]!["profiles"]!["nodes"]!.AsArray();
        Assert.Equal(5, nodes.Count);
        Assert.All(nodes, n => Assert.Equal(Math.Min(1, (int)n!["summary"]!["count"]!), n!["latest"]!.AsArray().Count));
        Assert.Contains(nodes, n => (int)n!["summary"]!["count"]! > 0);
        var received = Assert.Single(demo.ReviewsOperations.All);
        Assert.Contains("_0: ratings(profileIds: $_0_profileIds) { profileId count }", received.Query);
        Assert.Equal(5, received.Query.Split(": reviews(profileId: $_").Length - 1);
        var variables = JsonNode.Parse(received.Variables!)!.AsObject();
        Assert.Equal(nodes.Select(n => (string?)n!["id"]), variables["_0_profileIds"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(nodes.Select(n => (string?)n!["id"]).Order(), Enumerable.Range(1, 5).Select(i => (string?)variables[$"_{i}_profileId"]).Order());
        Assert.Equal(1, HostClient.CallsPerSource(body)["reviews"]);
    }

    [Fact]
    public async Task Two_fields_of_one_object_share_one_request()
    {
        using var host = Start(ProfileSdl);
        demo.ReviewsOperations.Reset();

        var (status, body) = await host.PostAsync("""{ profile(id: "p1") { summary { count } latest { stars } } }""");

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal(Math.Min(2, (int)body["data"]!["profile"]!["summary"]!["count"]!), body["data"]!["profile"]!["latest"]!.AsArray().Count);
        var received = Assert.Single(demo.ReviewsOperations.All);
        Assert.Equal("query Profile_summary__Profile_latest($_0_profileIds: [ID!]!, $_1_profileId: ID!, $_1_first: Int) { "
            + "_0: ratings(profileIds: $_0_profileIds) { profileId count } _1: reviews(profileId: $_1_profileId, first: $_1_first) { stars } }", received.Query);
    }

    [Fact]
    public async Task Remote_errors_of_a_merged_request_reach_the_field_whose_alias_they_name()
    {
        demo.ReviewsFieldFaults.FailingField = "Review.text";
        try
        {
            demo.ReviewsOperations.Reset();
            var (status, body) = await _web.PostAsync("""{ a: reviews(profileId: "p1", first: 1) { stars text } b: reviews(profileId: "p2", first: 1) { stars text } }""");

            Assert.Equal(200, status);
            Assert.Single(demo.ReviewsOperations.All);
            Assert.InRange((int)body["data"]!["a"]![0]!["stars"]!, 1, 5);
            Assert.InRange((int)body["data"]!["b"]![0]!["stars"]!, 1, 5);
            var errors = body["errors"]!.AsArray();
            Assert.Equal(["""["a",0,"text"]""", """["b",0,"text"]"""], errors.Select(e => e!["path"]!.ToJsonString()).Order());
            Assert.All(errors, e => Assert.Equal("TEXT_UNAVAILABLE", (string?)e!["extensions"]!["remoteCode"]));
        }
        finally
        {
            demo.ReviewsFieldFaults.FailingField = null;
        }
    }

    [Fact]
    public async Task A_failed_merged_request_fails_each_of_its_fields_with_its_own_path()
    {
        using var host = Start(ProfileSdl, ("Bff:Sources:reviews:Resilience:Retry:MaxRetries", "0"));
        demo.ReviewsFaults.FailWithStatus = 503;
        try
        {
            var (status, body) = await host.PostAsync("""{ profile(id: "p1") { id summary { count } latest { stars } } }""");

            Assert.Equal(200, status);
            Assert.Equal("p1", (string?)body["data"]!["profile"]!["id"]);
            Assert.Null(body["data"]!["profile"]!["summary"]);
            Assert.Null(body["data"]!["profile"]!["latest"]);
            var errors = body["errors"]!.AsArray();
            Assert.Equal(["""["profile","latest"]""", """["profile","summary"]"""], errors.Select(e => e!["path"]!.ToJsonString()).Order());
            Assert.All(errors, e => Assert.StartsWith("DOWNSTREAM_", (string?)e!["extensions"]!["code"], StringComparison.Ordinal));
        }
        finally
        {
            demo.ReviewsFaults.Reset();
        }
    }

    private HostClient Start(string sdl, params (string Key, string Value)[] settings)
    {
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, _sdl), sdl);
        var all = new Dictionary<string, string?> { ["Bff:Schema"] = _sdl };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return HostClient.Start<Bff.WebBff.Program>(demo, all);
    }
}
