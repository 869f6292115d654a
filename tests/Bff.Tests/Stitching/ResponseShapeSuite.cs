using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching;

/// <summary>
/// A downstream answer that does not fit the bound type is the downstream's fault: <c>DOWNSTREAM_ERROR</c> naming the
/// source, never <c>INTERNAL_SERVER_ERROR</c>. Each host runs with its shipped appsettings.json; only the jobs address
/// points at a service that breaks the contract.
/// </summary>
public abstract class ResponseShapeSuite<TProgram>(DemoServicesFixture demo)
    where TProgram : class
{
    /// <summary>Gets a query of <c>job(id: "j1")</c> that reads the budget's minimum (an Int).</summary>
    protected abstract string BudgetQuery { get; }

    [Theory]
    [InlineData("""[{"id":"j1","title":"a list, not a job"}]""")]
    [InlineData("""{"id":"j1"}""")]
    [InlineData("\"j1\"")]
    public async Task An_answer_that_is_not_the_bound_object_is_a_downstream_error(string json)
    {
        var error = await ErrorOfAsync(json, "{ job(id: \"j1\") { id title } }");

        Assert.Equal(ErrorCodes.DownstreamError, (string?)error["extensions"]!["code"]);
        Assert.Equal("invalid_response", (string?)error["extensions"]!["status"]);
        Assert.Equal("jobs", (string?)error["extensions"]!["source"]);
    }

    [Fact]
    public async Task Text_where_an_int_is_expected_is_a_downstream_error()
    {
        var error = await ErrorOfAsync("""
            {"id":"j1","title":"t","description":"d","budget":{"min":"lots","max":2,"currency":"USD"},"skills":[],
             "status":"open","remote":true,"posted_at":"2026-01-01T00:00:00Z","client_id":"p1"}
            """, BudgetQuery);

        Assert.Equal(ErrorCodes.DownstreamError, (string?)error["extensions"]!["code"]);
        Assert.Equal("invalid_response", (string?)error["extensions"]!["status"]);
        Assert.Equal("jobs", (string?)error["extensions"]!["source"]);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ErrorOfAsync(string json, string query)
    {
        await using var jobs = await CannedJsonService.StartAsync(json);
        using var host = HostClient.Start<TProgram>(demo, new Dictionary<string, string?> { ["Bff:Sources:jobs:BaseAddress"] = jobs.Url });

        var (status, body) = await host.PostAsync(query);

        Assert.Equal(200, status);
        Assert.Null(body["data"]!["job"]);
        return Assert.Single(body["errors"]!.AsArray())!;
    }
}

[Collection(DemoCollection.Name)]
public sealed class MobileResponseShapeTests(DemoServicesFixture demo) : ResponseShapeSuite<Bff.MobileBff.Program>(demo)
{
    protected override string BudgetQuery => "{ job(id: \"j1\") { id budgetMin } }";
}

[Collection(DemoCollection.Name)]
public sealed class WebResponseShapeTests(DemoServicesFixture demo) : ResponseShapeSuite<Bff.WebBff.Program>(demo)
{
    protected override string BudgetQuery => "{ job(id: \"j1\") { id budget { min } } }";
}
