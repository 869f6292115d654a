using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Caching;

/// <summary>PRIVATE isolation and the response's Cache-Control, on a host whose schema mixes policies.</summary>
[Collection(RedisCollection.Name)]
public sealed class CacheControlTests(DemoServicesFixture demo, RedisServer redis) : IDisposable
{
    private readonly TestSchema _schema = new("""
        type Query {
          profile(id: ID!): Profile @rest(source: "profiles", path: "/profiles/{args.id}") @cache(maxAge: 30, scope: PRIVATE)
          job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") @cache(maxAge: 20)
          freshJob(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}")
        }
        type Profile { id: ID! fullName: String! }
        type Job { id: ID! title: String! }
        """);

    public void Dispose() => _schema.Dispose();

    [Fact]
    public async Task Private_entries_are_per_caller_and_never_stored_for_anonymous_callers()
    {
        using var host = Host();
        var client = host.Start();
        var (alice, bob) = (TestTokens.For("alice"), TestTokens.For("bob"));
        demo.ProfilesLog.Reset();
        const string query = "{ profile(id: \"p2\") { id fullName } }";

        var aliceFirst = await client.QueryAsync(query, token: alice);
        var bobFirst = await client.QueryAsync(query, token: bob);
        var aliceAgain = await client.QueryAsync(query, token: alice);
        var bobAgain = await client.QueryAsync(query, token: bob);
        var anonymous = await client.QueryAsync(query);
        var anonymousAgain = await client.QueryAsync(query);

        Assert.Equal(["ok"], aliceFirst.Outcomes);
        Assert.Equal(["ok"], bobFirst.Outcomes);
        Assert.Equal(["cache_hit"], aliceAgain.Outcomes);
        Assert.Equal(["cache_hit"], bobAgain.Outcomes);
        Assert.Equal(["ok"], anonymous.Outcomes);
        Assert.Equal(["ok"], anonymousAgain.Outcomes);
        Assert.Equal(4, demo.ProfilesLog.Count("GET /profiles/{id}"));
        Assert.Equal("private, max-age=30", aliceFirst.Header("Cache-Control"));
        Assert.Equal("no-store", anonymous.Header("Cache-Control"));
    }

    [Theory]
    [InlineData("{ job(id: \"j1\") { title } }", false, "public, max-age=20")]
    [InlineData("{ job(id: \"j1\") { title } }", true, "private, max-age=20")]
    [InlineData("{ job(id: \"j1\") { title } profile(id: \"p1\") { fullName } }", true, "private, max-age=20")]
    [InlineData("{ job(id: \"j1\") { title } freshJob(id: \"j1\") { title } }", false, "no-store")]
    [InlineData("{ freshJob(id: \"j1\") { title } }", true, "no-store")]
    [InlineData("{ job(id: \"missing\") { title } }", false, "public, max-age=20")]
    [InlineData("{ __typename }", false, "no-store")]
    [InlineData("{ job(id: \"j1\") { nope } }", false, "no-store")]
    public async Task Cache_control_is_derived_from_the_policies_involved(string query, bool authenticated, string expected)
    {
        using var host = Host();
        var client = host.Start();

        var response = await client.QueryAsync(query, token: authenticated ? TestTokens.For("carol") : null);

        Assert.Equal(expected, response.Header("Cache-Control"));
    }

    [Fact]
    public async Task A_batch_gets_the_strictest_value_of_its_operations()
    {
        using var host = Host();
        var client = host.Start();
        var batch = new JsonArray(new JsonObject { ["query"] = "{ job(id: \"j2\") { title } }" }, new JsonObject { ["query"] = "{ freshJob(id: \"j2\") { title } }" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(batch.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(["no-store"], response.Headers.NonValidated["Cache-Control"]);
    }

    private SharedStateHost<Bff.WebBff.Program> Host() =>
        new(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("cc"), ("Bff:Schema", _schema.File)));
}
