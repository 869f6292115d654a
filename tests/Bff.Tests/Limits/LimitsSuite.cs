using Bff.Documents;
using System.Text.Json.Nodes;
using Bff.Hosting;
using Bff.Http;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Limits;

/// <summary>Limits that need more than one request to prove, on both hosts.</summary>
public abstract class LimitsSuite<TProgram>
    where TProgram : class
{
    private readonly DemoServicesFixture _demo;
    private readonly HostClient _host;

    protected LimitsSuite(DemoServicesFixture demo)
    {
        _demo = demo;
        _host = HostClient.For<TProgram>(demo);
    }

    /// <summary>An operation whose cost grows with $n; $n = 1 is cheap, $n = 1000 is over the limit even when capped by @range.</summary>
    protected abstract string CostlyQuery { get; }

    [Fact]
    public async Task Cost_is_checked_again_for_a_cached_document_with_other_variables()
    {
        var query = CostlyQuery + " # " + Guid.NewGuid().ToString("N");
        var (cheapStatus, cheap) = await _host.PostAsync(query, new { n = 1 });
        var cached = _host.Services.GetRequiredService<DocumentCache>().Get(query);
        var before = _demo.DownstreamTotal;
        var (costlyStatus, costly) = await _host.PostAsync(query, new { n = 1000 });

        Assert.Equal(200, cheapStatus);
        Assert.Null(cheap["errors"]);
        Assert.NotNull(cached);
        Assert.Equal(400, costlyStatus);
        var error = costly["errors"]![0]!;
        Assert.Equal("MAX_COST_EXCEEDED", (string?)error["extensions"]!["code"]);
        Assert.Equal(_host.Services.GetRequiredService<BffOptions>().Limits.MaxCost, (int)error["extensions"]!["limit"]!);
        Assert.Equal(before, _demo.DownstreamTotal);
    }

    [Fact]
    public async Task A_document_without_variables_keeps_its_cost_from_the_first_request_and_is_refused_every_time_when_over()
    {
        // The costly query with its page size written in: the cost depends on the text alone, so it is measured once.
        var constant = CostlyQuery.Replace("query ($n: Int)", "query", StringComparison.Ordinal);
        var tag = " # " + Guid.NewGuid().ToString("N");
        var cheap = constant.Replace("$n", "1", StringComparison.Ordinal) + tag;
        var costly = constant.Replace("$n", "1000", StringComparison.Ordinal) + tag;
        var before = _demo.DownstreamTotal;

        var cheapAnswers = new[] { await _host.PostAsync(cheap), await _host.PostAsync(cheap) };
        var afterCheap = _demo.DownstreamTotal;
        var costlyAnswers = new[] { await _host.PostAsync(costly), await _host.PostAsync(costly), await _host.PostAsync(costly) };

        // The cheap one is cached and served again with no validation walk; a refused document is never cached.
        Assert.NotNull(_host.Services.GetRequiredService<DocumentCache>().Get(cheap));
        Assert.Null(_host.Services.GetRequiredService<DocumentCache>().Get(costly));
        Assert.Equal(cheapAnswers[0].Body["data"]!.ToJsonString(), cheapAnswers[1].Body["data"]!.ToJsonString());
        Assert.All(cheapAnswers, a => Assert.True(a.Status == 200 && a.Body["errors"] is null, a.Body.ToJsonString()));
        Assert.True(afterCheap > before);
        Assert.All(costlyAnswers, a =>
        {
            Assert.Equal(400, a.Status);
            Assert.Equal("MAX_COST_EXCEEDED", (string?)a.Body["errors"]![0]!["extensions"]!["code"]);
        });
        Assert.Equal(afterCheap, _demo.DownstreamTotal);
    }

    [Fact]
    public async Task The_ides_introspection_query_passes_every_limit_where_introspection_is_allowed()
    {
        var (status, body) = await _host.PostAsync(IntrospectionQuery.Text);

        Assert.True(status == 200, body.ToJsonString());
        Assert.Null(body["errors"]);
        Assert.NotEmpty(body["data"]!["__schema"]!["types"]!.AsArray());
    }

    [Fact]
    public async Task Suggestions_are_shown_while_introspection_is_allowed()
    {
        var (_, body) = await _host.PostAsync("{ profil(id: \"p1\") { id } }");

        Assert.True(((string?)body["errors"]![0]!["message"])!.Contains("Did you mean", StringComparison.Ordinal), body.ToJsonString());
    }

    [Fact]
    public async Task Limit_errors_carry_the_limits_value()
    {
        var limits = _host.Services.GetRequiredService<BffOptions>().Limits;
        var aliases = "{ " + string.Join(' ', Enumerable.Range(0, limits.MaxAliases + 1).Select(i => $"a{i}: __typename")) + " }";

        var (_, body) = await _host.PostAsync(aliases);

        var extensions = body["errors"]![0]!["extensions"]!.AsObject();
        Assert.Equal(limits.MaxAliases, (int)extensions["limit"]!);
        Assert.Equal(limits.MaxAliases + 1, (int)extensions["measured"]!);
    }
}

[Collection(DemoCollection.Name)]
public sealed class MobileLimitsTests(DemoServicesFixture demo) : LimitsSuite<Bff.MobileBff.Program>(demo)
{
    protected override string CostlyQuery =>
        "query ($n: Int) { a: jobFeed(first: $n) { items { client { id } } } b: jobFeed(first: $n) { items { client { id } } } "
        + "c: jobFeed(first: $n) { items { client { id } } } d: jobFeed(first: $n) { items { client { id } } } "
        + "e: jobFeed(first: $n) { items { client { id } } } f: jobFeed(first: $n) { items { client { id } } } "
        + "g: jobFeed(first: $n) { items { client { id } } } h: jobFeed(first: $n) { items { client { id } } } }";
}

[Collection(DemoCollection.Name)]
public sealed class WebLimitsTests(DemoServicesFixture demo) : LimitsSuite<Bff.WebBff.Program>(demo)
{
    protected override string CostlyQuery =>
        "query ($n: Int) { jobs(first: $n) { nodes { client { id } proposals { freelancer { id } } stats { proposalCount } } } "
        + "more: jobs(first: $n) { nodes { client { id } proposals { freelancer { id } } } } }";
}
