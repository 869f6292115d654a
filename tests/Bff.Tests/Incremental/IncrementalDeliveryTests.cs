using System.Text.Json.Nodes;
using Bff.Stitching;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Incremental;

/// <summary>
/// <c>@defer</c> and <c>@stream</c> on the web host, read over real HTTP part by part, against the real demo services
/// (a source held by a gate the test opens plays the slow service).
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class IncrementalDeliveryTests(DemoServicesFixture demo)
{
    internal const string Dashboard = """
        { profile(id: "p1") { fullName postedJobs { title stats { proposalCount } proposals { bid { amountCents } freelancer { fullName rating } } } } }
        """;

    internal const string DeferredDashboard = """
        { profile(id: "p1") { fullName postedJobs { title
          ... @defer(label: "proposals") { stats { proposalCount } proposals { bid { amountCents } freelancer { fullName rating } } } } } }
        """;

    [Fact]
    public async Task First_part_arrives_while_the_slow_source_is_held_and_the_deferred_part_follows()
    {
        var gate = new GatedSource("proposals");
        using var host = Host(gate);
        using var response = await MultipartResponse.PostAsync(host.Http, DeferredDashboard);

        Assert.Equal("multipart/mixed; boundary=\"-\"; deferSpec=20220824", response.ContentType);
        Assert.Equal("no-store", response.Response.Headers.CacheControl?.ToString());
        // The proposals calls are held until the gate opens: this part cannot have waited for them.
        var first = (await response.NextAsync())!;
        Assert.True((bool)first["hasNext"]!);
        Assert.Null(first["errors"]);
        var jobs = first["data"]!["profile"]!["postedJobs"]!.AsArray();
        Assert.NotEmpty(jobs);
        Assert.All(jobs, j => Assert.Equal(["title"], j!.AsObject().Select(p => p.Key)));
        // The deferred part started with the initial answer, not after it was sent.
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        gate.Open();
        var rest = await response.RestAsync();

        Assert.False((bool)rest[^1]["hasNext"]!);
        var entries = rest.SelectMany(p => p["incremental"]!.AsArray()).ToList();
        Assert.Equal(jobs.Count, entries.Count);
        Assert.Equal(Enumerable.Range(0, jobs.Count).Select(i => $"""["profile","postedJobs",{i}]"""), entries.Select(e => e!["path"]!.ToJsonString()));
        Assert.All(entries, e => Assert.Equal("proposals", (string?)e!["label"]));
        var (_, whole) = await host.PostAsync(Dashboard);
        Assert.True(JsonNode.DeepEquals(whole["data"], MultipartResponse.Merge(first, rest)), whole.ToJsonString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Stream_sends_initialCount_items_with_the_list_and_the_others_in_a_later_part(int initialCount)
    {
        using var host = Host();
        var query = $$"""{ jobs(first: 4) { nodes @stream(initialCount: {{initialCount}}, label: "more") { id title client { fullName } } } }""";
        using var response = await MultipartResponse.PostAsync(host.Http, query);

        var first = (await response.NextAsync())!;
        var rest = await response.RestAsync();

        Assert.Equal(initialCount, first["data"]!["jobs"]!["nodes"]!.AsArray().Count);
        var entry = Assert.Single(rest.SelectMany(p => p["incremental"]!.AsArray()))!;
        Assert.Equal($"""["jobs","nodes",{initialCount}]""", entry["path"]!.ToJsonString());
        Assert.Equal("more", (string?)entry["label"]);
        Assert.Equal(4 - initialCount, entry["items"]!.AsArray().Count);
        Assert.False((bool)rest[^1]["hasNext"]!);
        var (_, whole) = await host.PostAsync(query.Replace($"@stream(initialCount: {initialCount}, label: \"more\")", "", StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(whole["data"], MultipartResponse.Merge(first, rest)), whole.ToJsonString());
        // The streamed items' clients are one batched call: beside the initial items' one, or joined with it when the
        // part asked before that batch was sent. Never one call per item.
        Assert.InRange(Calls(first, rest, "profiles"), 1, initialCount > 0 ? 2 : 1);
    }

    [Fact]
    public async Task Nested_defers_arrive_after_their_parent_part_with_their_own_labels_and_paths()
    {
        using var host = Host();
        using var response = await MultipartResponse.PostAsync(host.Http, """
            { profile(id: "p1") { fullName ... @defer(label: "jobs") { postedJobs { title ... @defer(label: "stats") { stats { proposalCount } } } } } }
            """);

        var first = (await response.NextAsync())!;
        var rest = await response.RestAsync();

        Assert.Equal(["fullName"], first["data"]!["profile"]!.AsObject().Select(p => p.Key));
        var entries = rest.SelectMany(p => p["incremental"]!.AsArray()).Select(e => e!).ToList();
        var jobs = Assert.Single(entries, e => (string?)e["label"] == "jobs");
        Assert.Equal("""["profile"]""", jobs["path"]!.ToJsonString());
        var stats = entries.Where(e => (string?)e["label"] == "stats").ToList();
        Assert.Equal(jobs["data"]!["postedJobs"]!.AsArray().Count, stats.Count);
        Assert.True(entries.IndexOf(jobs) < entries.IndexOf(stats[0]));
        Assert.All(stats, (s, i) => Assert.Equal($"""["profile","postedJobs",{i}]""", s["path"]!.ToJsonString()));
        Assert.All(stats, s => Assert.NotNull(s["data"]!["stats"]!["proposalCount"]));
    }

    [Fact]
    public async Task Errors_inside_a_deferred_fragment_stay_in_its_payload_with_their_paths()
    {
        using var host = Host();
        demo.ReviewsFieldFaults.FailingField = "Review.text";
        try
        {
            using var response = await MultipartResponse.PostAsync(host.Http, """
                { profile(id: "p1") { fullName ... @defer(label: "reviews") { reviews { count latest(first: 1) { stars text } } } } }
                """);

            var first = (await response.NextAsync())!;
            var rest = await response.RestAsync();

            Assert.Null(first["errors"]);
            Assert.NotNull(first["data"]!["profile"]!["fullName"]);
            var entry = Assert.Single(rest.SelectMany(p => p["incremental"]!.AsArray()))!;
            Assert.Equal("""["profile"]""", entry["path"]!.ToJsonString());
            Assert.Null(entry["data"]!["reviews"]!["latest"]![0]!["text"]);
            Assert.InRange((int)entry["data"]!["reviews"]!["latest"]![0]!["stars"]!, 1, 5);
            var error = Assert.Single(entry["errors"]!.AsArray())!;
            Assert.Equal("""["profile","reviews","latest",0,"text"]""", error["path"]!.ToJsonString());
            Assert.Equal("DOWNSTREAM_ERROR", (string?)error["extensions"]!["code"]);
        }
        finally
        {
            demo.ReviewsFieldFaults.FailingField = null;
        }
    }

    [Fact]
    public async Task Without_multipart_in_accept_the_whole_answer_comes_at_once_with_the_same_data()
    {
        using var host = Host();
        var (_, whole) = await host.PostAsync(Dashboard);
        var streamed = """{ jobs(first: 3) { nodes @stream(initialCount: 1) { id title } } }""";

        using var deferred = await MultipartResponse.PostAsync(host.Http, DeferredDashboard, accept: "application/json");
        using var stream = await MultipartResponse.PostAsync(host.Http, streamed, accept: "application/graphql-response+json");

        Assert.Equal("application/json; charset=utf-8", deferred.ContentType);
        var body = JsonNode.Parse(await deferred.ReadAllTextAsync())!;
        Assert.True(JsonNode.DeepEquals(whole["data"], body["data"]), body.ToJsonString());
        Assert.Null(body["hasNext"]);
        var list = JsonNode.Parse(await stream.ReadAllTextAsync())!["data"]!["jobs"]!["nodes"]!.AsArray();
        Assert.Equal(3, list.Count);
    }

    [Fact]
    public async Task Deferring_makes_no_downstream_call_twice()
    {
        using var host = Host();
        var before = demo.DownstreamTotal;
        var (_, whole) = await host.PostAsync(Dashboard);
        var plain = demo.DownstreamTotal - before;

        // Twice: the second document comes from the document cache (validated once, directives still read).
        for (var run = 0; run < 2; run++)
        {
            before = demo.DownstreamTotal;
            using var response = await MultipartResponse.PostAsync(host.Http, DeferredDashboard);
            var first = (await response.NextAsync())!;
            var rest = await response.RestAsync();

            Assert.Equal(plain, demo.DownstreamTotal - before);
            Assert.NotEmpty(rest.SelectMany(p => p["incremental"]!.AsArray()));
            foreach (var (source, count) in HostClient.CallsPerSource(whole))
            {
                Assert.Equal(count, Calls(first, rest, source));
            }
        }
    }

    [Fact]
    public async Task A_remote_graphql_parent_fetches_its_deferred_fields_in_its_one_call()
    {
        using var host = Host();
        var before = demo.ReviewsLog.Total;
        using var response = await MultipartResponse.PostAsync(host.Http, """
            { reviews(profileId: "p1", first: 2) { stars ... @defer(label: "words") { author text } } }
            """);

        var first = (await response.NextAsync())!;
        var rest = await response.RestAsync();

        Assert.Equal(1, demo.ReviewsLog.Total - before);
        Assert.Contains("author", demo.ReviewsOperations.All[^1].Query, StringComparison.Ordinal);
        var reviews = first["data"]!["reviews"]!.AsArray();
        var entries = rest.SelectMany(p => p["incremental"]!.AsArray()).ToList();
        Assert.Equal(reviews.Count, entries.Count);
        Assert.All(entries, e => Assert.NotNull(e!["data"]!["author"]));
    }

    [Fact]
    public async Task A_batch_is_answered_whole_even_when_multipart_is_accepted()
    {
        using var host = Host();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(
                new JsonArray(new JsonObject { ["query"] = DeferredDashboard }, new JsonObject { ["query"] = "{ __typename }" }).ToJsonString(),
                System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", MultipartResponse.ApolloAccept);

        using var response = await host.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var (_, whole) = await host.PostAsync(Dashboard);
        Assert.True(JsonNode.DeepEquals(whole["data"], body[0]!["data"]), body.ToJsonString());
    }

    [Fact]
    public async Task An_over_cost_query_hidden_inside_defer_is_refused_before_any_call()
    {
        using var host = Host();
        var before = demo.DownstreamTotal;
        using var response = await MultipartResponse.PostAsync(host.Http, """
            query ($n: Int) { ... @defer { jobs(first: $n) { nodes { client { id } proposals { freelancer { id } } stats { proposalCount } } } }
              ... @defer(label: "more") { more: jobs(first: $n) { nodes { client { id } proposals { freelancer { id } } } } } }
            """, new { n = 1000 });

        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        var body = JsonNode.Parse(await response.ReadAllTextAsync())!;
        Assert.Equal("MAX_COST_EXCEEDED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
        Assert.Equal(before, demo.DownstreamTotal);
    }

    [Fact]
    public async Task The_client_leaving_cancels_the_deferred_downstream_call()
    {
        var gate = new GatedSource("proposals");
        using var host = Host(gate);
        var response = await MultipartResponse.PostAsync(host.Http, DeferredDashboard);
        Assert.NotNull(await response.NextAsync());
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        response.Dispose();

        await gate.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_spent_request_budget_ends_the_answer_with_the_late_part_marked_gateway_timeout()
    {
        var gate = new GatedSource("proposals");
        var settings = demo.HostSettings;
        settings["Bff:Http:RequestTimeout"] = "00:00:01";
        foreach (var source in new[] { "profiles", "jobs", "proposals", "reviews" })
        {
            settings[$"Bff:Sources:{source}:Timeout"] = "00:00:00.900";
            settings[$"Bff:Sources:{source}:Resilience:AttemptTimeout"] = "00:00:00.800";
        }

        using var host = new TestHost<Bff.WebBff.Program>(settings, s => s.AddSingleton<IDownstreamCallFilter>(gate));
        using var response = await MultipartResponse.PostAsync(host.Http, DeferredDashboard);

        var first = (await response.NextAsync())!;
        var rest = await response.RestAsync();

        Assert.True((bool)first["hasNext"]!);
        Assert.False((bool)rest[^1]["hasNext"]!);
        var entries = rest.SelectMany(p => p["incremental"]!.AsArray()).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal("GATEWAY_TIMEOUT", (string?)e!["errors"]![0]!["extensions"]!["code"]));
    }

    private TestHost<Bff.WebBff.Program> Host(GatedSource? gate = null) =>
        new(demo.HostSettings, gate is null ? null : s => s.AddSingleton<IDownstreamCallFilter>(gate));

    // The calls the first payload reports plus those the last one reports (made for the later parts).
    private static int Calls(JsonObject first, List<JsonObject> rest, string source) =>
        HostClient.CallsPerSource(first).GetValueOrDefault(source) + HostClient.CallsPerSource(rest[^1]).GetValueOrDefault(source);
}
