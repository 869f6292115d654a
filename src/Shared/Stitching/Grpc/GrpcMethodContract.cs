using Bff.Stitching.Contracts;

namespace Bff.Stitching.Grpc;

/// <summary>A gRPC unary or server-streaming method of a source's contract, as bindings need it.</summary>
/// <param name="FullName"><c>package.Service/Method</c>.</param>
/// <param name="Input">The request message.</param>
/// <param name="Output">The response message.</param>
/// <param name="Idempotent">Whether the method is marked <c>NO_SIDE_EFFECTS</c> or <c>IDEMPOTENT</c>.</param>
/// <param name="Descriptor">The protocol-level method description the connector calls with.</param>
/// <param name="ServerStreaming">Whether the method answers with a stream of <paramref name="Output"/> messages.</param>
public sealed record GrpcMethodContract(string FullName, ContractShape Input, ContractShape Output, bool Idempotent, object Descriptor, bool ServerStreaming = false);
