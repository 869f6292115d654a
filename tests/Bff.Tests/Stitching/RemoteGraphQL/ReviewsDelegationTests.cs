using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>
/// Delegation rules a schema of its own exercises against the demo's reviews service: fields bound elsewhere are not
/// sent but the parent fields they read are, and @cache keys calls by the client's selection.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ReviewsDelegationTests(DemoServicesFixture demo) : IDisposable
{
    private readonly string _sdl = Path.Combine("schemas", $"reviews-delegation-{Guid.NewGuid():N}.graphql");

    public void Dispose() => File.Delete(Path.Combine(AppContext.BaseDirectory, _sdl));

    [Fact]
    public async Task Field_bound_to_another_source_is_not_sent_but_the_parent_field_it_reads_is()
    {
        using var host = Start("""
            type Query {
              reviews(profileId: ID!): [Review!] @graphql(source: "reviews", field: "reviews", arguments: "profileId: {args.profileId}, first: 2")
            }
            type Review {
              stars: Int!
              reviewed: Profile @rest(source: "profiles", path: "/profiles/{parent.profileId}")
            }
            type Profile { id: ID! fullName: String! }
            """);
        demo.ReviewsOperations.Reset();

        var (status, body) = await host.PostAsync("""{ reviews(profileId: "p5") { stars reviewed { id fullName } } }""");

        Assert.Equal(200, status);
        Assert.True(body["errors"] is null, body.ToJsonString());
        Assert.All(body["data"]!["reviews"]!.AsArray(), r => Assert.Equal("p5", (string?)r!["reviewed"]!["id"]));
        var received = Assert.Single(demo.ReviewsOperations.All);
        Assert.Equal("query Query_reviews($profileId: ID!, $first: Int) { reviews(profileId: $profileId, first: $first) { stars profileId } }", received.Query);
        Assert.Equal("""{"profileId":"p5","first":2}""", received.Variables);
    }

    [Fact]
    public async Task Cached_call_is_keyed_by_the_clients_selection()
    {
        using var host = Start("""
            type Query {
              rating(id: ID!): Rating @graphql(source: "reviews", field: "rating", arguments: "profileId: {args.id}") @cache(maxAge: 60)
            }
            type Rating { average: Float! count: Int! }
            """, ("Bff:Caching:Enabled", "true"));
        demo.ReviewsOperations.Reset();

        var (_, average) = await host.PostAsync("""{ rating(id: "p7") { average } }""");
        var (_, count) = await host.PostAsync("""{ rating(id: "p7") { count } }""");
        var (_, again) = await host.PostAsync("""query Again { other: rating(id: "p7") { ...C } } fragment C on Rating { count }""");

        Assert.NotNull(average["data"]!["rating"]!["average"]);
        Assert.NotNull(count["data"]!["rating"]!["count"]);
        Assert.Equal((int)count["data"]!["rating"]!["count"]!, (int)again["data"]!["other"]!["count"]!);
        Assert.Equal(2, demo.ReviewsOperations.All.Count);
        Assert.Contains("{ average }", demo.ReviewsOperations.All[0].Query);
        Assert.Contains("{ count }", demo.ReviewsOperations.All[1].Query);
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
