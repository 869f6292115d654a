using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Http;

/// <summary>
/// The mobile host with its shipped limits and rate-limit policies: the token guard runs before anything parses a
/// document, and one parse serves the cost policy and execution (observed through the <c>bff.documents.parsed</c> counter).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class DocumentParserTests(DemoServicesFixture demo)
{
    // demo.HostSettings turns these off for the shared hosts; here the shipped appsettings.json values apply.
    private static readonly Dictionary<string, string?> Shipped = new()
    {
        ["Bff:RateLimiting:Enabled"] = "true",
        ["Bff:Caching:Enabled"] = "true",
    };

    [Fact]
    public async Task A_document_over_MaxTokens_is_refused_before_the_cost_policy_parses_it()
    {
        using var host = HostClient.Start<Bff.MobileBff.Program>(demo, Shipped);
        using var parses = new ParseCounter();
        // 200 aliased feeds: ~2,800 tokens (limit 1,500), and a cost above the cost policy's burst (1,500).
        var selections = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"f{i}: jobFeed(first: 20) {{ items {{ id }} }}"));

        var (status, body) = await PostAsync(host, $"query {parses.OperationName} {{ {selections} }}", parses.OperationName);

        Assert.Equal(400, status);
        Assert.Equal("MAX_TOKENS_EXCEEDED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(0, parses.Count);
    }

    [Fact]
    public async Task One_request_parses_its_document_once_and_a_repeated_one_not_at_all()
    {
        using var host = HostClient.Start<Bff.MobileBff.Program>(demo, Shipped);
        using var parses = new ParseCounter();
        var query = $"query {parses.OperationName} {{ job(id: \"j1\") {{ id title }} }}";

        var (first, firstBody) = await PostAsync(host, query, parses.OperationName);
        var afterFirst = parses.Count;
        var (second, _) = await PostAsync(host, query, parses.OperationName);

        Assert.Equal(200, first);
        Assert.Equal("j1", (string?)firstBody["data"]!["job"]!["id"]);
        Assert.Equal(1, afterFirst);
        Assert.Equal(200, second);
        Assert.Equal(1, parses.Count);
    }

    private static async Task<(int Status, JsonObject Body)> PostAsync(HostClient host, string query, string operationName)
    {
        var payload = new JsonObject { ["query"] = query, ["operationName"] = operationName };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/graphql-response+json"));
        return await host.SendAsync(request);
    }
}
