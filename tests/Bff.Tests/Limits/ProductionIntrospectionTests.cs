using Bff.Tests.Fixtures;

namespace Bff.Tests.Limits;

/// <summary>Introspection per environment: refused on mobile in Production (suggestions masked), allowed on web by its configuration.</summary>
[Collection(DemoCollection.Name)]
public sealed class ProductionIntrospectionTests(DemoServicesFixture demo)
{
    [Fact]
    public async Task Mobile_in_production_refuses_introspection_and_hides_suggestions()
    {
        using var host = HostClient.Start<Bff.MobileBff.Program>(demo, new Dictionary<string, string?> { ["Bff:TrustedDocuments:Mode"] = "Off" }, "Production");

        var (status, body) = await host.PostAsync(IntrospectionQuery.Text);
        var (_, typo) = await host.PostAsync("{ jobFee { total } }");
        var (_, typename) = await host.PostAsync("{ __typename }");

        Assert.Equal(400, status);
        Assert.Equal("INTROSPECTION_DISABLED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        var message = (string?)typo["errors"]![0]!["message"];
        Assert.Contains("jobFee", message);
        Assert.DoesNotContain("Did you mean", message);
        Assert.DoesNotContain("jobFeed", message);
        Assert.Equal("Query", (string?)typename["data"]!["__typename"]);
    }

    [Fact]
    public async Task Configuration_can_turn_introspection_on_in_production()
    {
        using var host = HostClient.Start<Bff.MobileBff.Program>(demo, new Dictionary<string, string?> { ["Bff:Introspection:Enabled"] = "true", ["Bff:TrustedDocuments:Mode"] = "Off" }, "Production");

        var (status, _) = await host.PostAsync(IntrospectionQuery.Text);

        Assert.Equal(200, status);
    }
}
