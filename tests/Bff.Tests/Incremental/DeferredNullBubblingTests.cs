using Bff.Tests.Fixtures;

namespace Bff.Tests.Incremental;

/// <summary>
/// Null bubbling and incremental parts, on a schema of its own where a bound field is non-null (the shipped schemas
/// keep every bound field nullable, so a failing call never bubbles): the client of a job is required.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class DeferredNullBubblingTests(DemoServicesFixture demo) : IDisposable
{
    private readonly string _schema = CustomSchema.Write("""
        schema { query: Query }
        type Query { job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}") }
        type Job {
          id: ID!
          title: String!
          client: Profile! @rest(source: "profiles", path: "/profiles/{parent.clientId}")
        }
        type Profile { id: ID! fullName: String! }
        """);

    [Fact]
    public async Task A_required_field_failing_in_a_deferred_fragment_nulls_the_fragment_only()
    {
        using var host = Host();
        demo.ProfilesFaults.FailWithStatus = 404;
        try
        {
            using var response = await MultipartResponse.PostAsync(host.Http, """{ job(id: "j1") { id ... @defer(label: "client") { title client { fullName } } } }""");

            var first = (await response.NextAsync())!;
            var rest = await response.RestAsync();

            Assert.Null(first["errors"]);
            Assert.Equal("j1", (string?)first["data"]!["job"]!["id"]);
            var entry = Assert.Single(rest.SelectMany(p => p["incremental"]!.AsArray()))!;
            Assert.Equal("""["job"]""", entry["path"]!.ToJsonString());
            Assert.Null(entry["data"]);
            var error = Assert.Single(entry["errors"]!.AsArray())!;
            Assert.Equal("""["job","client"]""", error["path"]!.ToJsonString());
        }
        finally
        {
            demo.ProfilesFaults.Reset();
        }
    }

    [Fact]
    public async Task A_deferred_fragment_whose_object_was_nulled_in_the_initial_payload_is_left_out()
    {
        using var host = Host();
        demo.ProfilesFaults.FailWithStatus = 404;
        try
        {
            using var response = await MultipartResponse.PostAsync(host.Http, """{ job(id: "j1") { id client { fullName } ... @defer { title } } }""");

            var first = (await response.NextAsync())!;
            var rest = await response.RestAsync();

            Assert.Null(first["data"]!["job"]);
            Assert.Equal("""["job","client"]""", first["errors"]![0]!["path"]!.ToJsonString());
            Assert.True((bool)first["hasNext"]!);
            var last = Assert.Single(rest);
            Assert.Equal("""{"hasNext":false}""", last.ToJsonString());
        }
        finally
        {
            demo.ProfilesFaults.Reset();
        }
    }

    public void Dispose() => CustomSchema.Delete(_schema);

    private TestHost<Bff.WebBff.Program> Host()
    {
        var settings = demo.HostSettings;
        settings["Bff:Schema"] = _schema;
        settings["Bff:Diagnostics:DownstreamCalls"] = "false";
        return new TestHost<Bff.WebBff.Program>(settings);
    }
}
