using Bff.Stitching.Contracts;

namespace Bff.Stitching.Grpc;

/// <summary>The contract of a gRPC source: the methods of its <c>.proto</c> file.</summary>
/// <param name="File">The <c>.proto</c> file as configured.</param>
/// <param name="Methods">The unary and server-streaming methods bindings may call, by <c>package.Service/Method</c>.</param>
/// <param name="Streaming">The methods the client streams to (which bindings cannot call), by method, with their kind.</param>
internal sealed record GrpcContract(string File, IReadOnlyDictionary<string, GrpcMethodContract> Methods, IReadOnlyDictionary<string, string> Streaming)
    : ISourceContract
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Operations { get; } = [.. Methods.Keys];

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders(string operation) => [];
}
