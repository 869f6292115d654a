using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Caching;

/// <summary>@cache is checked at start-up like every other binding directive.</summary>
[Collection(DemoCollection.Name)]
public sealed class CachePolicyStartupTests(DemoServicesFixture demo)
{
    [Theory]
    [InlineData("type Query { job(id: ID!): Job @rest(source: \"jobs\", path: \"/jobs/{args.id}\") }\ntype Job { id: ID! title: String! @cache(maxAge: 5) }",
        ":2: Job.title: @cache applies to fields bound with @rest or @grpc or @graphql only")]
    [InlineData("type Query { job(id: ID!): Job @rest(source: \"jobs\", path: \"/jobs/{args.id}\") @cache(maxAge: 0) }\ntype Job { id: ID! }",
        ":1: Query.job: @cache maxAge must be between 1 and 86400 seconds (got 0)")]
    [InlineData("type Query { job(id: ID!): Job @rest(source: \"jobs\", path: \"/jobs/{args.id}\") }\ntype Mutation { postJob(title: String!): Job @rest(source: \"jobs\", method: \"POST\", path: \"/jobs\", body: \"title: {args.title}\") @cache(maxAge: 5) }\ntype Job { id: ID! }",
        "Mutation.postJob: @cache does not apply to mutations")]
    public void Misplaced_cache_policies_stop_the_host(string sdl, string expected)
    {
        using var schema = new TestSchema(sdl);
        var settings = new Dictionary<string, string?>(demo.HostSettings) { ["Bff:Schema"] = schema.File };
        using var factory = new BffHostFactory<Bff.WebBff.Program>(settings);

        var ex = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

        Assert.Contains(expected, ex.Message);
    }
}
