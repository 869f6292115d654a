using System.Net;
using Bff.Tests.Streams;
using Grpc.Core;

namespace Bff.Tests.Subscriptions.EndToEnd;

/// <summary>
/// GraphQL over SSE with a real <see cref="HttpClient"/> reading the response stream of the shipped web host, fed by
/// the demo proposals service's real <c>WatchProposals</c> gRPC stream.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SseEndToEndTests(EndToEndFixture e2e)
{
    private static string Watch(string jobId) => $$"""subscription { proposalSubmitted(jobId: "{{jobId}}") { id bid { amountCents } freelancer { id } } }""";

    private int Opened => e2e.Demo.ProposalsStreams.Opened("WatchProposals");

    private int Cancelled => e2e.Demo.ProposalsStreams.Cancelled("WatchProposals");

    [Fact]
    public async Task Three_submissions_arrive_as_three_next_events_in_order()
    {
        var opened = Opened;
        using var sse = await SseClient.OpenAsync(e2e.Web.Http, Watch("j364"), e2e.Demo.Token("p3"));
        Assert.Equal(HttpStatusCode.OK, sse.Response.StatusCode);
        Assert.Equal("text/event-stream", sse.Response.Content.Headers.ContentType?.MediaType);
        await Eventually.TrueAsync(() => Opened > opened, "the service sees the watch");

        var submitted = await e2e.SubmitAsync("j364", 3);

        foreach (var proposal in submitted)
        {
            var (name, data) = (await sse.NextEventAsync())!.Value;
            Assert.Equal("next", name);
            Assert.Null(data?["errors"]);
            var evt = data?["data"]?["proposalSubmitted"];
            Assert.Equal((string?)proposal["id"], (string?)evt?["id"]);
            Assert.Equal((string?)proposal["freelancer"]!["id"], (string?)evt?["freelancer"]?["id"]);
            Assert.Equal((int)proposal["bid"]!["amountCents"]!, (int?)evt?["bid"]?["amountCents"]);
        }
    }

    [Fact]
    public async Task Aborting_the_request_cancels_the_downstream_stream()
    {
        var (opened, cancelled) = (Opened, Cancelled);
        var sse = await SseClient.OpenAsync(e2e.Web.Http, Watch("j365"), e2e.Demo.Token("p3"));
        await Eventually.TrueAsync(() => Opened > opened, "the service sees the watch");
        Assert.Equal(Cancelled, cancelled);

        sse.Dispose(); // the body is not read to its end: the connection is aborted

        await Eventually.TrueAsync(() => Cancelled > cancelled, "the service sees the watch cancelled");
    }

    [Fact]
    public async Task A_failing_downstream_stream_is_a_next_event_with_a_DOWNSTREAM_code_then_complete()
    {
        var opened = Opened;
        using var sse = await SseClient.OpenAsync(e2e.Web.Http, Watch("j366"), e2e.Demo.Token("p3"));
        await Eventually.TrueAsync(() => Opened > opened, "the service sees the watch");

        e2e.Demo.ProposalsFaults.BreakStreams(StatusCode.Unavailable);

        var (name, data) = (await sse.NextEventAsync())!.Value;
        Assert.Equal("next", name);
        var error = data?["errors"]?[0];
        Assert.Equal("DOWNSTREAM_UNAVAILABLE", (string?)error?["extensions"]?["code"]);
        Assert.Equal("proposals", (string?)error?["extensions"]?["source"]);
        Assert.Equal("complete", (await sse.NextEventAsync())?.Event);
        Assert.Null(await sse.NextEventAsync());
    }
}
