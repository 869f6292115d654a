using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Hosting;

/// <summary>A host with bad configuration refuses to start, naming the file, the field and the problem.</summary>
[Collection(DemoCollection.Name)]
public sealed class BffStartupTests(DemoServicesFixture demo)
{
    [Fact]
    public void Host_with_a_bad_binding_does_not_start()
    {
        var file = Path.Combine("schemas", $"startup-{Guid.NewGuid():N}.graphql");
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, file), """
            type Query {
              job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.jobId}")
            }
            type Job { id: ID! }
            """);
        try
        {
            var settings = new Dictionary<string, string?>(demo.HostSettings) { ["Bff:Schema"] = file };
            using var factory = new BffHostFactory<Bff.WebBff.Program>(settings);

            var ex = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

            Assert.Contains($"{file}:2: Query.job: {{args.jobId}} has no value", ex.Message);
        }
        finally
        {
            File.Delete(Path.Combine(AppContext.BaseDirectory, file));
        }
    }

    [Fact]
    public void Shipped_web_schema_with_its_int64_amount_back_in_Int_does_not_start()
    {
        var file = Path.Combine("schemas", $"startup-{Guid.NewGuid():N}.graphql");
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "web.graphql"));
        Assert.Contains("amountCents: Long!", shipped);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, file), shipped.Replace("amountCents: Long!", "amountCents: Int!", StringComparison.Ordinal));
        try
        {
            var settings = new Dictionary<string, string?>(demo.HostSettings) { ["Bff:Schema"] = file };
            using var factory = new BffHostFactory<Bff.WebBff.Program>(settings);

            var ex = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

            Assert.Contains("Money.amountCents: type mismatch: int64 (proposals marketplace.proposals.v1.ProposalService/", ex.Message);
            Assert.Contains("cannot be represented by GraphQL Int (32-bit); use String or a Long scalar.", ex.Message);
        }
        finally
        {
            File.Delete(Path.Combine(AppContext.BaseDirectory, file));
        }
    }

    [Fact]
    public void Auth_limits_header_and_binding_problems_are_reported_together()
    {
        var file = CustomSchema.Write("""
            type Query {
              job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.jobId}")
            }
            type Job { id: ID! }
            """);
        try
        {
            var settings = new Dictionary<string, string?>(demo.HostSettings)
            {
                ["Bff:Schema"] = file,
                ["Bff:Auth:ClockSkew"] = "01:00:00",
                ["Bff:Limits:MaxDepth"] = "-1",
                ["Bff:Sources:jobs:Timeout"] = "-00:00:01",
            };
            using var factory = new BffHostFactory<Bff.WebBff.Program>(settings);

            var ex = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

            Assert.Contains(ex.Errors, e => e.Contains("Bff:Auth:ClockSkew must be between", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.Contains("Bff:Limits:MaxDepth must be 0 (off) or more", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.Contains("Bff:Sources:jobs:Timeout: must be positive", StringComparison.Ordinal));
            Assert.Contains(ex.Errors, e => e.Contains($"{file}:2: Query.job: {{args.jobId}} has no value", StringComparison.Ordinal));
        }
        finally
        {
            CustomSchema.Delete(file);
        }
    }

    [Theory]
    [InlineData("Bff:Schema", "", "Bff:Schema: the SDL file of the host is required")]
    [InlineData("Bff:Schema", "schemas/missing.graphql", "schemas/missing.graphql: schema file not found")]
    [InlineData("Bff:Sources:jobs:BaseAddress", "not a uri", "Bff:Sources:jobs:BaseAddress: an absolute URI is required")]
    [InlineData("Bff:Sources:jobs:Contract", "schemas/downstream/none.json", "Bff:Sources:jobs:Contract: file 'schemas/downstream/none.json' not found")]
    [InlineData("Bff:Sources:jobs:Timeout", "-00:00:01", "Bff:Sources:jobs:Timeout: must be positive")]
    [InlineData("Bff:Http:MaxRequestBodyBytes", "10", "Bff:Http:MaxRequestBodyBytes: 10 is too small")]
    [InlineData("Bff:Path", "graphql", "Bff:Path: 'graphql' must start with '/'")]
    public void Host_with_bad_configuration_does_not_start(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>(demo.HostSettings) { [key] = value };
        using var factory = new BffHostFactory<Bff.MobileBff.Program>(settings);

        var ex = Record.Exception(() => factory.StartServer());

        Assert.NotNull(ex);
        Assert.Contains(expected, ex.ToString());
    }
}
