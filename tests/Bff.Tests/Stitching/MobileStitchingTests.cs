using System.Text.Json.Nodes;
using Bff.Stitching;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;
using Bff.Stitching.Composition;

namespace Bff.Tests.Stitching;

[Collection(DemoCollection.Name)]
public sealed class MobileStitchingTests(DemoServicesFixture demo)
{
    private readonly HostClient _host = HostClient.For<Bff.MobileBff.Program>(demo);

    [Fact]
    public void Printed_schema_matches_snapshot() =>
        BffSchemaPrinter.Print(_host.Services.GetRequiredService<BffSchema>()).MatchSnapshot();

    [Fact]
    public async Task Job_feed_spans_three_services_with_one_call_per_child_source()
    {
        var (status, body) = await _host.PostAsync("""
            query Feed { jobFeed(first: 10) { total nextCursor items { id title summary budgetMax currency remote
              client { id name thumbnailUrl rating } proposalCount } } }
            """);

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var items = body["data"]!["jobFeed"]!["items"]!.AsArray();
        Assert.Equal(10, items.Count);
        Assert.All(items, item => Assert.NotNull(item!["client"]!["name"]));
        Assert.All(items, item => Assert.True(((string)item!["summary"]!).Length <= 120));
        Assert.Equal(new Dictionary<string, int> { ["jobs"] = 1, ["profiles"] = 1, ["proposals"] = 1 }, HostClient.CallsPerSource(body));
        var batch = body["extensions"]!["downstream"]!.AsArray().Single(c => (string?)c!["source"] == "profiles");
        Assert.Equal(items.Select(i => (string?)i!["client"]!["id"]).Distinct().Count(), (int)batch!["batchSize"]!);
        JsonSnapshot.Of(body["data"]).MatchSnapshot();
    }

    [Fact]
    public async Task Job_screen_reads_all_three_services()
    {
        var (status, body) = await _host.PostAsync("""
            query JobScreen($id: ID!) { job(id: $id) { id title description budgetMin budgetMax currency skills status remote postedAt
              client { name city } proposals(first: 5) { totalCount items { id status bidCents currency estimatedDays freelancer { name thumbnailUrl } } } } }
            """, new { id = "j7" });

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal(new Dictionary<string, int> { ["jobs"] = 1, ["profiles"] = 2, ["proposals"] = 1 }, HostClient.CallsPerSource(body));
        JsonSnapshot.Of(body["data"]).MatchSnapshot();
    }

    [Fact]
    public async Task Page_size_above_the_hard_maximum_fails_the_field_before_any_call()
    {
        var (status, body) = await _host.PostAsync("{ jobFeed(first: 50) { total } }");

        Assert.Equal(200, status);
        Assert.Null(body["data"]!["jobFeed"]);
        Assert.Equal("BAD_USER_INPUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Empty(HostClient.CallsPerSource(body));
    }

    [Fact]
    public async Task Unknown_id_is_null_without_error()
    {
        var (status, body) = await _host.PostAsync("{ job(id: \"nope\") { id } proposal(id: \"nope\") { id } }");

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Null(body["data"]!["job"]);
        Assert.Null(body["data"]!["proposal"]);
    }

    [Fact]
    public async Task Feed_pages_follow_the_cursor()
    {
        var (_, first) = await _host.PostAsync("{ jobFeed(first: 3) { nextCursor items { id } } }");
        var cursor = (string?)first["data"]!["jobFeed"]!["nextCursor"];
        var (_, second) = await _host.PostAsync("query ($after: String) { jobFeed(first: 3, after: $after) { items { id } } }", new { after = cursor });

        Assert.NotNull(cursor);
        var firstIds = first["data"]!["jobFeed"]!["items"]!.AsArray().Select(i => (string?)i!["id"]);
        var secondIds = second["data"]!["jobFeed"]!["items"]!.AsArray().Select(i => (string?)i!["id"]);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Equal(3, secondIds.Count());
    }
}
