using Bff.Samples.Common;
using Bff.Samples.Reviews;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>
/// A failing remote GraphQL service fails only its fields, through the shared resilience policies (nothing in them
/// knows the protocol): unavailable, then short-circuited once its circuit opens; mutations are never retried.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ReviewsOutageTests(DemoServicesFixture demo)
{
    [Fact]
    public async Task Dead_service_gives_downstream_unavailable_then_its_circuit_opens_while_rest_data_stays()
    {
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Sources:reviews:BaseAddress"] = "http://127.0.0.1:9/graphql",
            ["Bff:Sources:reviews:Resilience:Retry:MaxRetries"] = "0",
            ["Bff:Sources:reviews:Resilience:CircuitBreaker:MinimumThroughput"] = "3",
        });
        const string query = """{ profile(id: "p1") { fullName } reviews(profileId: "p1") { stars } }""";

        var (status, first) = await host.PostAsync(query);

        Assert.Equal(200, status);
        Assert.NotNull((string?)first["data"]!["profile"]!["fullName"]);
        Assert.Null(first["data"]!["reviews"]);
        var error = Assert.Single(first["errors"]!.AsArray())!;
        Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)error["extensions"]!["code"]);
        Assert.Equal("reviews", (string?)error["extensions"]!["source"]);
        Assert.Equal("""["reviews"]""", error["path"]!.ToJsonString());

        var codes = new List<string?>();
        for (var i = 0; i < 10 && !codes.Contains("CIRCUIT_OPEN"); i++)
        {
            var (_, next) = await host.PostAsync(query);
            codes.Add((string?)next["errors"]![0]!["extensions"]!["code"]);
            Assert.NotNull((string?)next["data"]!["profile"]!["fullName"]);
        }

        Assert.Contains("CIRCUIT_OPEN", codes);
    }

    [Fact]
    public async Task Remote_mutation_is_sent_once_and_a_failing_query_is_retried()
    {
        var log = new RequestLog();
        var faults = new HttpFaults { FailWithStatus = 503 };
        await using var reviews = ReviewsService.Create("http://127.0.0.1:0", log, faults, new FieldFaults(), new OperationLog());
        await reviews.StartAsync();
        var sdl = Path.Combine("schemas", $"reviews-mutation-{Guid.NewGuid():N}.graphql");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, sdl), """
            type Query { reviews(profileId: ID!): [Review!] @graphql(source: "reviews", field: "reviews", arguments: "profileId: {args.profileId}") }
            type Mutation {
              review(profileId: ID!, stars: Int!): Review @graphql(source: "reviews", field: "addReview", arguments: "profileId: {args.profileId}, stars: {args.stars}")
            }
            type Review { stars: Int! }
            """);
        try
        {
            using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
            {
                ["Bff:Schema"] = sdl,
                ["Bff:Sources:reviews:BaseAddress"] = reviews.Urls.First() + "/graphql",
                ["Bff:Sources:reviews:Resilience:Retry:MaxRetries"] = "2",
                ["Bff:Sources:reviews:Resilience:Retry:BaseDelay"] = "00:00:00.010",
            });

            var (_, mutation) = await host.PostAsync("""mutation { review(profileId: "p1", stars: 5) { stars } }""");
            var afterMutation = log.Count("POST /graphql");
            var (_, query) = await host.PostAsync("""{ reviews(profileId: "p1") { stars } }""");

            Assert.Equal("DOWNSTREAM_ERROR", (string?)mutation["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal("DOWNSTREAM_ERROR", (string?)query["errors"]![0]!["extensions"]!["code"]);
            Assert.Equal(1, afterMutation);
            Assert.Equal(3, log.Count("POST /graphql") - afterMutation);
        }
        finally
        {
            File.Delete(Path.Combine(AppContext.BaseDirectory, sdl));
        }
    }
}
