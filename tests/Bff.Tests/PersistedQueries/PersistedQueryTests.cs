using System.Text.Json.Nodes;
using Bff.PersistedQueries;
using Bff.Tests.Fixtures;

namespace Bff.Tests.PersistedQueries;

/// <summary>Automatic persisted queries as Apollo clients use them, on real hosts sharing a real Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class PersistedQueryTests(DemoServicesFixture demo, RedisServer redis)
{
    private const string Query = "query Card($id: ID!) { profile(id: $id) { id name } }";
    private static readonly string Hash = Sha256Hex.Of(Query);

    [Fact]
    public async Task Apollo_flow_hash_miss_then_registration_then_hash_only()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("apq")));
        var client = host.Start();

        var miss = await client.PostAsync(Request(Hash, query: null));
        var registered = await client.PostAsync(Request(Hash, Query));
        var hashOnly = await client.PostAsync(Request(Hash, query: null));
        var overGet = await client.GetAsync($"/graphql?variables={Uri.EscapeDataString("{\"id\":\"p1\"}")}&extensions={Uri.EscapeDataString(Extensions(Hash).ToJsonString())}");

        Assert.Equal(200, miss.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", miss.Code);
        Assert.Equal("PersistedQueryNotFound", (string?)miss.Body["errors"]![0]!["message"]);
        Assert.Null(miss.Body["data"]);
        Assert.Equal("private, no-cache, must-revalidate", miss.Header("Cache-Control"));
        Assert.Equal("p1", (string?)registered.Body["data"]!["profile"]!["id"]);
        Assert.Equal("p1", (string?)hashOnly.Body["data"]!["profile"]!["id"]);
        Assert.Equal(200, overGet.Status);
        Assert.Equal("p1", (string?)overGet.Body["data"]!["profile"]!["id"]);
        Assert.StartsWith("public, max-age=", overGet.Header("Cache-Control"));
    }

    [Fact]
    public async Task A_hash_that_does_not_match_its_query_is_refused_and_not_registered()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("apq-mismatch")));
        var client = host.Start();
        var wrong = Sha256Hex.Of("{ __typename }");

        var mismatch = await client.PostAsync(Request(wrong, Query));
        var after = await client.PostAsync(Request(wrong, query: null));

        Assert.Equal(400, mismatch.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", mismatch.Code);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", after.Code);
    }

    [Fact]
    public async Task Invalid_documents_are_not_registered()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("apq-invalid")));
        var client = host.Start();
        const string invalid = "{ profile(id: \"p1\") { nope } }";

        var first = await client.PostAsync(Request(Sha256Hex.Of(invalid), invalid));
        var after = await client.PostAsync(Request(Sha256Hex.Of(invalid), query: null));

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", first.Code);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", after.Code);
    }

    [Theory]
    [InlineData("{\"version\":2,\"sha256Hash\":\"%H\"}", "BAD_REQUEST")]
    [InlineData("{\"version\":1,\"sha256Hash\":\"not-a-hash\"}", "BAD_REQUEST")]
    [InlineData("{\"version\":1}", "BAD_REQUEST")]
    [InlineData("\"persisted\"", "BAD_REQUEST")]
    public async Task Malformed_persisted_query_extensions_get_400(string extension, string code)
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis: null, "apq-bad"));
        var client = host.Start();
        var payload = new JsonObject { ["extensions"] = new JsonObject { ["persistedQuery"] = JsonNode.Parse(extension.Replace("%H", Hash, StringComparison.Ordinal)) } };

        var response = await client.PostAsync(payload);

        Assert.Equal(400, response.Status);
        Assert.Equal(code, response.Code);
    }

    [Fact]
    public async Task A_query_registered_on_one_replica_runs_by_hash_on_another()
    {
        var settings = SharedStateSettings.For(demo, redis, SharedStateSettings.UniquePrefix("apq-replicas"));
        using var hostA = new SharedStateHost<Bff.MobileBff.Program>(settings);
        using var hostB = new SharedStateHost<Bff.MobileBff.Program>(settings);
        var a = hostA.Start();
        var b = hostB.Start();
        const string query = "query Replica($id: ID!) { profile(id: $id) { id city } }";
        var hash = Sha256Hex.Of(query);

        var missOnB = await b.PostAsync(Request(hash, query: null));
        var registerOnA = await a.PostAsync(Request(hash, query));
        var hitOnB = await b.PostAsync(Request(hash, query: null));

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", missOnB.Code);
        Assert.Null(registerOnA.Body["errors"]);
        Assert.Null(hitOnB.Body["errors"]);
        Assert.Equal("p1", (string?)hitOnB.Body["data"]!["profile"]!["id"]);
        Assert.Equal(":1", await redis.CommandAsync($"EXISTS {settings["Bff:Redis:KeyPrefix"]}apq:{hash}"));
    }

    [Fact]
    public async Task A_mutation_sent_by_hash_over_GET_is_refused()
    {
        using var host = new SharedStateHost<Bff.WebBff.Program>(SharedStateSettings.For(demo, redis: null, "apq-get"));
        var client = host.Start();
        const string mutation = "mutation { postJob(input: { clientId: \"p1\", title: \"x\", description: \"y\", budgetMin: 1, budgetMax: 2, currency: \"EUR\", skills: [] }) { id } }";
        var hash = Sha256Hex.Of(mutation);
        var register = await client.PostAsync(new JsonObject { ["query"] = mutation, ["extensions"] = Extensions(hash) });

        var overGet = await client.GetAsync($"/graphql?extensions={Uri.EscapeDataString(Extensions(hash).ToJsonString())}");

        Assert.Equal(200, register.Status);
        Assert.Equal(405, overGet.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", overGet.Code);
    }

    [Fact]
    public async Task With_persisted_queries_disabled_a_hash_gets_not_supported()
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis: null, "apq-off", ("Bff:PersistedQueries:Enabled", "false")));
        var client = host.Start();

        var hashOnly = await client.PostAsync(Request(Hash, query: null));
        var withQuery = await client.PostAsync(Request(Hash, Query));

        Assert.Equal("PERSISTED_QUERY_NOT_SUPPORTED", hashOnly.Code);
        Assert.Equal("PersistedQueryNotSupported", (string?)hashOnly.Body["errors"]![0]!["message"]);
        Assert.Equal("p1", (string?)withQuery.Body["data"]!["profile"]!["id"]);
    }

    private static JsonObject Extensions(string hash) =>
        new() { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } };

    private static JsonObject Request(string hash, string? query)
    {
        var payload = new JsonObject { ["variables"] = new JsonObject { ["id"] = "p1" }, ["extensions"] = Extensions(hash) };
        if (query is not null)
        {
            payload["query"] = query;
        }

        return payload;
    }
}
