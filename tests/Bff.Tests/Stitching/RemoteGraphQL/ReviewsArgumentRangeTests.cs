using Bff.Limits;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Stitching.RemoteGraphQL;

/// <summary>
/// Arguments of fields inside a delegated sub-selection travel to the remote service: the web host as shipped bounds
/// them with <c>@range</c>, refuses an abusive one before any remote call, and counts them in the operation's cost.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class ReviewsArgumentRangeTests(DemoServicesFixture demo)
{
    private readonly HostClient _host = HostClient.For<Bff.WebBff.Program>(demo);

    [Fact]
    public async Task Abusive_page_size_below_a_bound_field_is_refused_before_any_remote_call()
    {
        demo.ReviewsOperations.Reset();

        var (status, body) = await _host.PostAsync("{ profiles(first: 2) { nodes { id reviews { latest(first: 100000) { stars } } } } }");

        Assert.Equal(200, status);
        var nodes = body["data"]!["profiles"]!["nodes"]!.AsArray();
        Assert.All(nodes, n => Assert.Null(n!["reviews"]));
        var errors = body["errors"]!.AsArray();
        Assert.Equal(nodes.Count, errors.Count);
        Assert.All(errors, e => Assert.Equal("BAD_USER_INPUT", (string?)e!["extensions"]!["code"]));
        Assert.Equal("Argument 'first' of 'latest' must be between 0 and 20; got 100000.", (string?)errors[0]!["message"]);
        Assert.Empty(demo.ReviewsOperations.All);
    }

    [Fact]
    public async Task Abusive_variable_inside_a_fragment_is_refused_before_any_remote_call()
    {
        demo.ReviewsOperations.Reset();

        var (_, body) = await _host.PostAsync("""
            query ($n: Int!) { reviews(profileId: "p1") { stars reviewer { ...C } } }
            fragment C on Company { reviews(first: $n) { stars } }
            """, new { n = 100000 });

        Assert.Null(body["data"]!["reviews"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("BAD_USER_INPUT", (string?)error["extensions"]!["code"]);
        Assert.Equal(20, (int)error["extensions"]!["max"]!);
        Assert.Empty(demo.ReviewsOperations.All);
    }

    [Fact]
    public void Cost_counts_the_page_sizes_sent_to_the_remote_up_to_their_bound()
    {
        var calculator = _host.Services.GetRequiredService<IOperationCostCalculator>();
        var document = GraphQLParser.Parser.Parse("""
            query ($n: Int, $m: Int) { profiles(first: 10) { nodes { reviews { latest(first: $n) { stars reviewer { ... on Company { reviews(first: $m) { stars } } } } } } } }
            """);
        double Cost(int n, int m) => calculator.Calculate(document, null, new Dictionary<string, object?> { ["n"] = n, ["m"] = m });

        Assert.True(Cost(10, 1) > Cost(1, 1), $"{Cost(10, 1)} > {Cost(1, 1)}");
        Assert.True(Cost(10, 10) > Cost(10, 1), $"{Cost(10, 10)} > {Cost(10, 1)}");
        Assert.Equal(Cost(20, 20), Cost(100000, 100000));
    }
}
