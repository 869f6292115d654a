using System.Text.Json.Nodes;
using Bff.PersistedQueries;
using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.PersistedQueries;

/// <summary>The mobile host in Production runs only the operations of schemas/trusted/mobile.json.</summary>
[Collection(RedisCollection.Name)]
public sealed class TrustedDocumentTests(DemoServicesFixture demo)
{
    private static readonly JsonArray Manifest =
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "trusted", "mobile.json")))!["operations"]!.AsArray();

    private static JsonObject Operation(string name) => Manifest.Single(o => (string?)o!["name"] == name)!.AsObject();

    [Fact]
    public void Manifest_ids_are_the_SHA_256_of_their_documents_and_cover_every_mobile_screen()
    {
        Assert.All(Manifest, o => Assert.Equal(Sha256Hex.Of((string)o!["body"]!), (string?)o["id"]));
        Assert.Equal(["Feed", "JobScreen", "ProfileScreen", "ProposalScreen", "ProposalSubmitted"], Manifest.Select(o => (string)o!["name"]!).Order());
    }

    [Fact]
    public async Task Manifest_operations_run_by_id_by_document_id_and_by_exact_text()
    {
        using var host = Production();
        var client = host.Start();
        var feed = Operation("Feed");
        var persisted = new JsonObject
        {
            ["variables"] = new JsonObject { ["first"] = 3 },
            ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = (string)feed["id"]! } },
        };

        var byHash = await client.PostAsync(persisted);
        var byDocumentId = await client.PostAsync(new JsonObject { ["documentId"] = "sha256:" + (string)Operation("ProfileScreen")["id"]!, ["variables"] = new JsonObject { ["id"] = "p1" } });
        var byText = await client.QueryAsync((string)Operation("JobScreen")["body"]!, new { id = "j1" });
        var overGet = await client.GetAsync($"/graphql?documentId={(string)Operation("ProposalScreen")["id"]!}&variables={Uri.EscapeDataString("{\"id\":\"pr1\"}")}");

        Assert.Equal(3, byHash.Body["data"]!["jobFeed"]!["items"]!.AsArray().Count);
        Assert.Equal("p1", (string?)byDocumentId.Body["data"]!["profile"]!["id"]);
        Assert.Equal("j1", (string?)byText.Body["data"]!["job"]!["id"]);
        Assert.Equal(200, overGet.Status);
        Assert.Null(overGet.Body["errors"]);
    }

    [Fact]
    public async Task Anything_else_is_refused_before_any_downstream_call()
    {
        using var host = Production();
        var client = host.Start();
        demo.JobsLog.Reset();
        demo.ProfilesLog.Reset();
        demo.ProposalsLog.Reset();
        const string adHoc = "{ jobFeed(first: 20) { items { id title client { name } } } }";

        var refused = await client.QueryAsync(adHoc);
        var reformatted = await client.QueryAsync(((string)Operation("ProfileScreen")["body"]!).Replace("\n", " ", StringComparison.Ordinal), new { id = "p1" });
        var unknownHash = await client.PostAsync(Persisted(Sha256Hex.Of(adHoc), query: null));
        var apqRegistration = await client.PostAsync(Persisted(Sha256Hex.Of(adHoc), adHoc));

        Assert.Equal(400, refused.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", refused.Code);
        Assert.Null(refused.Body["data"]);
        Assert.Contains("trusted documents only", (string?)refused.Body["errors"]![0]!["message"]);
        Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", reformatted.Code);
        Assert.Equal(200, unknownHash.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknownHash.Code);
        Assert.Equal("PERSISTED_QUERY_NOT_ALLOWED", apqRegistration.Code);
        Assert.Equal(0, demo.JobsLog.Total + demo.ProfilesLog.Total + demo.ProposalsLog.Total);
    }

    [Fact]
    public async Task A_manifest_id_with_a_different_document_is_a_mismatch()
    {
        using var host = Production();
        var client = host.Start();

        var response = await client.PostAsync(Persisted((string)Operation("Feed")["id"]!, "{ __typename }"));

        Assert.Equal(400, response.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", response.Code);
    }

    [Theory]
    [InlineData("Testing")]
    [InlineData("Development")]
    public async Task Outside_production_any_operation_runs(string environment)
    {
        using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis: null, "trusted-off"), environment);
        var client = host.Start();

        var response = await client.QueryAsync("{ profile(id: \"p1\") { id } }");

        Assert.Equal("p1", (string?)response.Body["data"]!["profile"]!["id"]);
    }

    [Fact]
    public async Task An_id_map_manifest_is_read_too_and_Allow_mode_still_runs_other_operations()
    {
        const string body = "query Mini { profile(id: \"p2\") { id } }";
        var file = Path.Combine("schemas", "trusted", $"map-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, file), new JsonObject { ["mini-1"] = body }.ToJsonString());
        try
        {
            using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis: null, "trusted-map",
                ("Bff:TrustedDocuments:Mode", "Allow"), ("Bff:TrustedDocuments:Manifests:0", file)));
            var client = host.Start();

            var byId = await client.PostAsync(new JsonObject { ["documentId"] = "mini-1" });
            var other = await client.QueryAsync("{ profile(id: \"p3\") { id } }");

            Assert.Equal("p2", (string?)byId.Body["data"]!["profile"]!["id"]);
            Assert.Equal("p3", (string?)other.Body["data"]!["profile"]!["id"]);
        }
        finally
        {
            File.Delete(Path.Combine(AppContext.BaseDirectory, file));
        }
    }

    [Fact]
    public void A_manifest_operation_that_does_not_validate_stops_the_host()
    {
        var file = Path.Combine("schemas", "trusted", $"bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, file), """
            {"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"x","name":"Old","type":"query","body":"query Old { profile(id: \"p1\") { avatar } }"}]}
            """);
        try
        {
            using var host = new SharedStateHost<Bff.MobileBff.Program>(SharedStateSettings.For(demo, redis: null, "trusted-bad",
                ("Bff:TrustedDocuments:Mode", "Enforce"), ("Bff:TrustedDocuments:Manifests:0", file)));

            var ex = Assert.Throws<BffConfigurationException>(() => host.StartServer());

            Assert.Contains($"{file}: operation Old: is not valid against the schema", ex.Message);
        }
        finally
        {
            File.Delete(Path.Combine(AppContext.BaseDirectory, file));
        }
    }

    private SharedStateHost<Bff.MobileBff.Program> Production() =>
        new(SharedStateSettings.For(demo, redis: null, "trusted"), "Production");

    private static JsonObject Persisted(string hash, string? query)
    {
        var payload = new JsonObject { ["extensions"] = new JsonObject { ["persistedQuery"] = new JsonObject { ["version"] = 1, ["sha256Hash"] = hash } } };
        if (query is not null)
        {
            payload["query"] = query;
        }

        return payload;
    }
}
