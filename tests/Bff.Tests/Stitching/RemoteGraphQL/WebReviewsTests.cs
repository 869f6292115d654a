using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>
/// The web host, as shipped, in front of the real reviews service (GraphQL.NET over loopback HTTP): what the client
/// selects is what the reviews service receives, with variables, batched per level; its errors keep their path.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class WebReviewsTests(DemoServicesFixture demo)
{
    private readonly HostClient _host = HostClient.For<Bff.WebBff.Program>(demo);

    [Fact]
    public async Task Root_field_sends_only_the_selected_fields_and_its_arguments_as_variables()
    {
        demo.ReviewsOperations.Reset();

        var (status, body) = await _host.PostAsync("""{ reviews(profileId: "p1", first: 2) { stars text } }""");

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var reviews = body["data"]!["reviews"]!.AsArray();
        Assert.InRange(reviews.Count, 1, 2);
        Assert.All(reviews, r => Assert.InRange((int)r!["stars"]!, 1, 5));
        var received = Assert.Single(demo.ReviewsOperations.All);
        Assert.Equal("query Query_reviews($profileId: ID!, $first: Int) { reviews(profileId: $profileId, first: $first) { stars text } }", received.Query);
        Assert.Equal("""{"profileId":"p1","first":2}""", received.Variables);
    }

    [Fact]
    public async Task Aliases_and_fragments_of_the_client_are_answered_and_flattened_for_the_service()
    {
        demo.ReviewsOperations.Reset();

        var (status, body) = await _host.PostAsync("""
            query ($p: ID!) { reviews(profileId: $p, first: 1) { score: stars ...When ... on Review { by: author } } }
            fragment When on Review { createdAt }
            """, new { p = "p2" });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var review = Assert.Single(body["data"]!["reviews"]!.AsArray())!;
        Assert.InRange((int)review["score"]!, 1, 5);
        Assert.NotNull((string?)review["by"]);
        Assert.NotNull((string?)review["createdAt"]);
        var received = Assert.Single(demo.ReviewsOperations.All);
        Assert.Contains("{ stars createdAt author }", received.Query);
        Assert.DoesNotContain("p2", received.Query);
    }

    [Fact]
    public async Task Ratings_of_a_page_of_profiles_take_one_remote_call()
    {
        demo.ReviewsOperations.Reset();

        var (status, body) = await _host.PostAsync("""
            { profiles(first: 12) { nodes { id fullName reviews { average count latest(first: 1) { stars } } } } }
            """);

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var nodes = body["data"]!["profiles"]!["nodes"]!.AsArray();
        Assert.Equal(12, nodes.Count);
        Assert.All(nodes, n => Assert.InRange((double)n!["reviews"]!["average"]!, 0, 5));
        Assert.Contains(nodes, n => (int)n!["reviews"]!["count"]! > 0);
        Assert.All(nodes, n => Assert.Equal(Math.Min(1, (int)n!["reviews"]!["count"]!), n!["reviews"]!["latest"]!.AsArray().Count));
        Assert.Equal(1, HostClient.CallsPerSource(body)["reviews"]);
        var received = Assert.Single(demo.ReviewsOperations.All);
        Assert.Equal("query Profile_reviews($profileIds: [ID!]!, $_v1: Int) { ratings(profileIds: $profileIds) { profileId average count reviews(first: $_v1) { stars } } }", received.Query);
        var variables = JsonNode.Parse(received.Variables!)!;
        Assert.Equal(nodes.Select(n => (string?)n!["id"]), variables["profileIds"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(1, (int)variables["_v1"]!);
    }

    [Fact]
    public async Task Client_dashboard_shows_ratings_beside_rest_and_grpc_data_with_one_reviews_call()
    {
        var (status, body) = await _host.PostAsync("""
            query Dashboard($id: ID!) { profile(id: $id) { fullName
              postedJobs { id title stats { proposalCount }
                proposals { id freelancer { id fullName reviews { average count latest { stars text } } } } } } }
            """, new { id = "p1" });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var freelancers = body["data"]!["profile"]!["postedJobs"]!.AsArray()
            .SelectMany(j => j!["proposals"]!.AsArray()).Select(p => p!["freelancer"]!).ToList();
        Assert.True(freelancers.Count > 1, "p1's jobs have several proposals in the seed");
        Assert.All(freelancers, f => Assert.NotNull(f["reviews"]));
        Assert.Equal(1, HostClient.CallsPerSource(body)["reviews"]);
    }

    [Fact]
    public async Task Remote_field_error_keeps_its_path_under_our_field_with_a_code_and_the_data_beside_it()
    {
        demo.ReviewsFieldFaults.FailingField = "Review.text";
        try
        {
            var (status, body) = await _host.PostAsync("""{ reviews(profileId: "p1", first: 2) { stars text } }""");

            Assert.Equal(200, status);
            var reviews = body["data"]!["reviews"]!.AsArray();
            Assert.NotEmpty(reviews);
            Assert.All(reviews, r => Assert.InRange((int)r!["stars"]!, 1, 5));
            Assert.All(reviews, r => Assert.Null(r!["text"]));
            var errors = body["errors"]!.AsArray();
            Assert.Equal(reviews.Count, errors.Count);
            var first = errors.First(e => e!["path"]!.ToJsonString() == """["reviews",0,"text"]""")!;
            Assert.Equal("DOWNSTREAM_ERROR", (string?)first["extensions"]!["code"]);
            Assert.Equal("TEXT_UNAVAILABLE", (string?)first["extensions"]!["remoteCode"]);
            Assert.Equal("reviews", (string?)first["extensions"]!["source"]);
            // As shipped, the remote's own words stay with the gateway.
            Assert.Equal("reviews reported an error (TEXT_UNAVAILABLE).", (string?)first["message"]);
            Assert.DoesNotContain("temporarily unavailable", body.ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            demo.ReviewsFieldFaults.FailingField = null;
        }
    }

    [Fact]
    public async Task A_source_that_exposes_error_messages_passes_the_remote_message_on()
    {
        using var factory = new BffHostFactory<Bff.WebBff.Program>(new Dictionary<string, string?>(demo.HostSettings)
        {
            ["Bff:Sources:reviews:ExposeErrorMessages"] = "true",
        });
        using var http = factory.CreateClient();
        demo.ReviewsFieldFaults.FailingField = "Review.text";
        try
        {
            using var response = await http.PostAsync("/graphql", new StringContent(
                """{"query":"{ reviews(profileId: \"p1\", first: 1) { stars text } }"}""", System.Text.Encoding.UTF8, "application/json"));
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            var error = body["errors"]!.AsArray().First()!;
            Assert.Equal("reviews: Review texts are temporarily unavailable.", (string?)error["message"]);
            Assert.Equal("TEXT_UNAVAILABLE", (string?)error["extensions"]!["remoteCode"]);
        }
        finally
        {
            demo.ReviewsFieldFaults.FailingField = null;
        }
    }

    [Fact]
    public async Task Remote_errors_inside_a_batch_reach_the_parent_they_belong_to()
    {
        demo.ReviewsFieldFaults.FailingField = "Review.text";
        try
        {
            var (status, body) = await _host.PostAsync("""{ profiles(first: 6) { nodes { id reviews { count latest(first: 1) { text } } } } }""");

            Assert.Equal(200, status);
            var nodes = body["data"]!["profiles"]!["nodes"]!.AsArray();
            var withReviews = nodes.Select((n, i) => (Node: n!, Index: i)).Where(n => (int)n.Node["reviews"]!["count"]! > 0).ToList();
            Assert.NotEmpty(withReviews);
            var paths = body["errors"]!.AsArray().Select(e => e!["path"]!.ToJsonString()).Order().ToList();
            Assert.Equal(withReviews.Select(n => $"""["profiles","nodes",{n.Index},"reviews","latest",0,"text"]""").Order(), paths);
        }
        finally
        {
            demo.ReviewsFieldFaults.FailingField = null;
        }
    }
}
