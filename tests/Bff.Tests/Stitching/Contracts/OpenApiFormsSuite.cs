using Bff.Stitching.Composition;
using System.Text.Json.Nodes;
using Bff.Stitching;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Stitching.Contracts;

/// <summary>
/// A host bound to the demo's REST contracts written as YAML, OpenAPI 3.1 or Swagger 2.0 prints the same schema and
/// answers the same queries with the same data as the host as shipped (OpenAPI 3.0 JSON). Run against both hosts.
/// </summary>
public abstract class OpenApiFormsSuite<TProgram>(DemoServicesFixture demo)
    where TProgram : class
{
    /// <summary>Gets queries that reach both REST sources (paging, lookups by id, batches).</summary>
    protected abstract IEnumerable<(string Query, object? Variables)> Queries { get; }

    [Theory]
    [MemberData(nameof(OpenApiForms.All), MemberType = typeof(OpenApiForms))]
    public async Task Every_form_gives_the_same_schema_and_answers(string form)
    {
        var shipped = HostClient.For<TProgram>(demo);
        using var host = HostClient.Start<TProgram>(demo, await OpenApiForms.WriteAsync(form));

        Assert.Equal(Print(shipped), Print(host));
        foreach (var (query, variables) in Queries)
        {
            var (expectedStatus, expected) = await shipped.PostAsync(query, variables);
            var (status, actual) = await host.PostAsync(query, variables);

            Assert.Equal((200, null), (expectedStatus, expected["errors"]));
            Assert.Equal(expectedStatus, status);
            Assert.Null(actual["errors"]);
            Assert.True(JsonNode.DeepEquals(expected["data"], actual["data"]), $"{form}: {query}\n{actual["data"]}");
        }
    }

    [Fact]
    public async Task A_field_the_reader_does_not_know_is_logged_once_at_start_and_ignored()
    {
        var logs = new LogCapture();
        var settings = demo.HostSettings;
        foreach (var (key, value) in await OpenApiForms.WriteAsync("yaml-2.0"))
        {
            settings[key] = value;
        }

        using var host = new TestHost<TProgram>(settings, logs.Register);

        Assert.Equal(200, (await host.PostAsync("{ __typename }")).Status);
        var warnings = logs.Entries.Where(e => e.EventId.Id == 3002).Select(e => e.Message).ToList();
        Assert.Contains(warnings, m => m.StartsWith("Source jobs: contract schemas/form-yaml-2.0-jobs.yaml: maxItems is not a valid property", StringComparison.Ordinal));
    }

    private static string Print(HostClient host) => BffSchemaPrinter.Print(host.Services.GetRequiredService<BffSchema>());
}

[Collection(DemoCollection.Name)]
public sealed class MobileOpenApiFormsTests(DemoServicesFixture demo) : OpenApiFormsSuite<Bff.MobileBff.Program>(demo)
{
    protected override IEnumerable<(string Query, object? Variables)> Queries =>
    [
        ("{ jobFeed(first: 10) { total nextCursor items { id title summary budgetMax currency remote client { id name thumbnailUrl rating } proposalCount } } }", null),
        ("""
         query JobScreen($id: ID!) { job(id: $id) { id title description budgetMin budgetMax currency skills status remote postedAt
           client { name city } proposals(first: 5) { totalCount items { id status bidCents freelancer { name } } } } }
         """, new { id = "j7" }),
    ];
}

[Collection(DemoCollection.Name)]
public sealed class WebOpenApiFormsTests(DemoServicesFixture demo) : OpenApiFormsSuite<Bff.WebBff.Program>(demo)
{
    protected override IEnumerable<(string Query, object? Variables)> Queries =>
    [
        ("""
         query Dashboard($id: ID!) { profile(id: $id) { fullName location { city country }
           postedJobs { id title status proposals { id status freelancer { id fullName rating } } } } }
         """, new { id = "p1" }),
        ("{ proposals(freelancerId: \"p3\", first: 20) { totalCount nodes { id job { id title client { fullName } } freelancer { id fullName } } } }", null),
        ("{ jobs(first: 5, status: IN_PROGRESS) { totalCount nodes { id status } } jobsByIds(ids: [\"j1\", \"j2\", \"j3\"]) { id } profiles(first: 3, offset: 2) { totalCount nodes { id } } }", null),
    ];
}
