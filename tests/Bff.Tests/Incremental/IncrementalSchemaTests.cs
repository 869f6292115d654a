using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Incremental;

/// <summary>Which host offers the directives, and the web host as shipped (only addresses overridden) answering in parts.</summary>
[Collection(DemoCollection.Name)]
public sealed class IncrementalSchemaTests(DemoServicesFixture demo)
{
    [Fact]
    public async Task The_web_schema_declares_defer_and_stream_for_introspection()
    {
        var (status, body) = await HostClient.For<Bff.WebBff.Program>(demo).PostAsync("{ __schema { directives { name locations args { name } } } }");

        Assert.Equal(200, status);
        var directives = body["data"]!["__schema"]!["directives"]!.AsArray().ToDictionary(d => (string)d!["name"]!, d => d!);
        Assert.Equal(["FRAGMENT_SPREAD", "INLINE_FRAGMENT"], directives["defer"]["locations"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["label", "if"], directives["defer"]["args"]!.AsArray().Select(a => (string)a!["name"]!));
        Assert.Equal(["FIELD"], directives["stream"]["locations"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["label", "if", "initialCount"], directives["stream"]["args"]!.AsArray().Select(a => (string)a!["name"]!));
    }

    [Fact]
    public async Task The_mobile_host_does_not_offer_defer_and_refuses_it_as_an_unknown_directive()
    {
        var (status, body) = await HostClient.For<Bff.MobileBff.Program>(demo).PostAsync("""{ jobFeed(first: 1) { items { id ... @defer { title } } } }""");

        Assert.Equal(400, status);
        var error = body["errors"]![0]!;
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (string?)error["extensions"]!["code"]);
        Assert.Equal("Unknown directive 'defer'.", (string?)error["message"]);
        Assert.Null(body["data"]);
    }

    [Theory]
    [InlineData("{ profile(id: \"p1\") { fullName @stream } }", "@stream applies to list fields only; 'fullName' is not a list.")]
    [InlineData("{ jobs(first: 2) { nodes @stream(initialCount: -1) { id } } }", "@stream's initialCount must not be negative (is -1).")]
    public async Task Stream_is_refused_where_it_means_nothing(string query, string message)
    {
        var (status, body) = await HostClient.For<Bff.WebBff.Program>(demo).PostAsync(query);

        Assert.Equal(400, status);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(message, (string?)error["message"]);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_shipped_web_host_answers_a_deferred_dashboard_in_parts()
    {
        using var host = new TestHost<Bff.WebBff.Program>(demo.AddressSettings);
        using var response = await MultipartResponse.PostAsync(host.Http, IncrementalDeliveryTests.DeferredDashboard);

        var first = (await response.NextAsync())!;
        var rest = await response.RestAsync();

        Assert.True((bool)first["hasNext"]!);
        Assert.NotEmpty(first["data"]!["profile"]!["postedJobs"]!.AsArray());
        Assert.False((bool)rest[^1]["hasNext"]!);
        var entries = rest.SelectMany(p => p["incremental"]!.AsArray()).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.NotNull(e!["data"]!["stats"]));
    }
}
