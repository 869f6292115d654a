using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>
/// The proto's int64 money amounts reach clients whole: the shipped schemas declare them Long, since start-up refuses
/// int64 in a 32-bit Int. Each host runs with its shipped appsettings.json; only the proposals address points at a
/// gRPC service whose proposal bids more than 2^31 cents.
/// </summary>
public abstract class Int64AmountSuite<TProgram>(DemoServicesFixture demo, GrpcTestServer proposals)
    where TProgram : class
{
    /// <summary>Gets the query of proposal <c>p-large</c> that reads its bid in cents.</summary>
    protected abstract string Query { get; }

    /// <summary>Gets the bid in cents from the answer's <c>data</c>.</summary>
    protected abstract System.Text.Json.Nodes.JsonNode? Cents(System.Text.Json.Nodes.JsonNode data);

    [Fact]
    public async Task A_bid_beyond_32_bits_is_returned_whole()
    {
        using var host = HostClient.Start<TProgram>(demo, new Dictionary<string, string?> { ["Bff:Sources:proposals:BaseAddress"] = proposals.Address });

        var (status, body) = await host.PostAsync(Query);

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal(FakeProposalService.Large.Bid.AmountCents, (long?)Cents(body["data"]!));
    }
}

[Collection(DemoCollection.Name)]
public sealed class MobileInt64AmountTests(DemoServicesFixture demo, GrpcTestServer proposals)
    : Int64AmountSuite<Bff.MobileBff.Program>(demo, proposals), IClassFixture<GrpcTestServer>
{
    protected override string Query => "{ proposal(id: \"p-large\") { bidCents } }";

    protected override System.Text.Json.Nodes.JsonNode? Cents(System.Text.Json.Nodes.JsonNode data) => data["proposal"]!["bidCents"];
}

[Collection(DemoCollection.Name)]
public sealed class WebInt64AmountTests(DemoServicesFixture demo, GrpcTestServer proposals)
    : Int64AmountSuite<Bff.WebBff.Program>(demo, proposals), IClassFixture<GrpcTestServer>
{
    protected override string Query => "{ proposal(id: \"p-large\") { bid { amountCents } } }";

    protected override System.Text.Json.Nodes.JsonNode? Cents(System.Text.Json.Nodes.JsonNode data) => data["proposal"]!["bid"]!["amountCents"];
}
