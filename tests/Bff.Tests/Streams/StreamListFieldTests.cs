using System.Globalization;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Streams;

/// <summary><c>Query.latestProposals</c> of the web host: a list field over the server stream <c>StreamProposals</c>, bounded by <c>take: 10</c>.</summary>
[Collection(DemoCollection.Name)]
public sealed class StreamListFieldTests(DemoServicesFixture demo)
{
    private readonly HostClient _host = HostClient.For<Bff.WebBff.Program>(demo);

    [Fact]
    public async Task Collects_up_to_the_bound_then_cancels_the_stream()
    {
        var cancelled = demo.ProposalsStreams.Cancelled("StreamProposals");

        var (status, body) = await _host.PostAsync("{ latestProposals { id status freelancer { id } } }");

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var ids = body["data"]!["latestProposals"]!.AsArray().Select(p => (string)p!["id"]!).ToList();
        Assert.Equal(10, ids.Count);
        var numbers = ids.Select(id => int.Parse(id.AsSpan(2), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.OrderDescending(), numbers);
        var call = Assert.Single(body["extensions"]!["downstream"]!.AsArray(), c => (string?)c!["operation"] == "marketplace.proposals.v1.ProposalService/StreamProposals");
        Assert.Equal("stream_opened", (string?)call!["outcome"]);

        // The service had many more to send: it sees the stream cancelled, not finished.
        await Eventually.TrueAsync(() => demo.ProposalsStreams.Cancelled("StreamProposals") > cancelled, "the service sees the stream cancelled");
    }

    [Fact]
    public async Task A_shorter_stream_ends_by_itself_with_every_message()
    {
        await Proposals.SubmitAsync(demo.ProposalsUrl, "j331", 2);

        var (_, body) = await _host.PostAsync("""{ latestProposals(jobId: "j331") { id } all: proposals(jobId: "j331", first: 100) { totalCount } }""");

        Assert.Null(body["errors"]);
        var total = (int)body["data"]!["all"]!["totalCount"]!;
        Assert.InRange(total, 2, 9);
        Assert.Equal(total, body["data"]!["latestProposals"]!.AsArray().Count);
    }
}
