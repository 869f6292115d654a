using Bff.Operations;
using System.Text;
using Bff.Http;
using GraphQL.SystemTextJson;
using Microsoft.AspNetCore.Http;

namespace Bff.Tests.Http;

public sealed class GraphQLRequestReaderTests
{
    private const int Limit = 10_000;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_exactly_the_limit_is_read_whole(bool sendLength)
    {
        var (requests, refusal) = await ReadAsync(Padded(Limit), sendLength);

        Assert.Null(refusal);
        Assert.Equal("{ __typename }", Assert.Single(requests!).Query);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_one_byte_over_the_limit_is_refused(bool sendLength)
    {
        var (requests, refusal) = await ReadAsync(Padded(Limit + 1), sendLength);

        Assert.Null(requests);
        Assert.Equal(413, refusal!.Status);
    }

    [Fact]
    public async Task A_body_sent_in_small_pieces_without_a_length_is_read_whole()
    {
        var body = Padded(9_000);
        var (requests, refusal) = await ReadAsync(body, sendLength: false, pieceSize: 7);

        Assert.Null(refusal);
        Assert.Equal("{ __typename }", Assert.Single(requests!).Query);
    }

    [Fact]
    public async Task Multi_byte_characters_survive_the_buffer()
    {
        var (requests, _) = await ReadAsync(Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"operationName\":\"Ünïcødé→\"}"), sendLength: false, pieceSize: 3);

        Assert.Equal("Ünïcødé→", Assert.Single(requests!).OperationName);
    }

    private static byte[] Padded(int size)
    {
        var head = "{\"query\":\"{ __typename }\",\"extensions\":{\"pad\":\"";
        var tail = "\"}}";
        return Encoding.UTF8.GetBytes(head + new string('x', size - head.Length - tail.Length) + tail);
    }

    private static async Task<(IReadOnlyList<GraphQL.Transport.GraphQLRequest>? Requests, RequestRefusal? Refusal)> ReadAsync(byte[] body, bool sendLength, int pieceSize = 4096)
    {
        var reader = new GraphQLRequestReader(new GraphQLSerializer(), new GraphQLHttpOptions { MaxRequestBodyBytes = Limit });
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new PieceStream(body, pieceSize);
        context.Request.ContentLength = sendLength ? body.Length : null;
        var (requests, _, refusal) = await reader.ReadPostAsync(context.Request);
        return (requests, refusal);
    }

    /// <summary>A body that arrives at most <c>pieceSize</c> bytes per read, as a chunked upload does.</summary>
    private sealed class PieceStream(byte[] data, int pieceSize) : MemoryStream(data, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, pieceSize)], cancellationToken);
    }
}
