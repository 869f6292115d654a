using System.Text.Json.Nodes;

namespace Bff.Stitching;

/// <summary>What a connector got back from one downstream call.</summary>
/// <param name="Body">The response as JSON, or <see langword="null"/> when there is none (e.g. not found).</param>
/// <param name="Operation">The concrete operation made (e.g. <c>GET /jobs/j1</c>), for diagnostics.</param>
/// <param name="Status">The protocol status received (HTTP status code or gRPC status).</param>
/// <param name="Outcome">How the call was answered when not by the downstream itself (e.g. <c>cache_hit</c>); reported in diagnostics.</param>
/// <param name="Attempts">How many attempts the answer took (more than 1 after retries, 0 when no call was made).</param>
public sealed record DownstreamResponse(JsonNode? Body, string Operation, string? Status, string? Outcome = null, int Attempts = 1)
{
    /// <summary>Gets the opened stream when the call opened one (<see cref="DownstreamCall.StreamLifetime"/>); its owner disposes it.</summary>
    public IDownstreamStream? Stream { get; init; }
}

/// <summary>
/// Makes the downstream call a binding describes, for one protocol. Failures are thrown as <see cref="BffError"/>
/// with a <c>DOWNSTREAM_*</c> code; they never escape as raw exceptions.
/// </summary>
public interface IDownstreamConnector
{
    /// <summary>Gets the protocol name reported in diagnostics (<c>rest</c>, <c>grpc</c>).</summary>
    string Kind { get; }

    /// <summary>
    /// Makes <paramref name="call"/>: its binding with the values of its scope, finishing by its
    /// <see cref="DownstreamCall.Deadline"/> (or within the source's timeout when it has none).
    /// </summary>
    Task<DownstreamResponse> SendAsync(DownstreamCall call, CancellationToken cancellationToken);

    /// <summary>
    /// Gets the errors the downstream reported next to its data in a response <paramref name="body"/> (a remote GraphQL
    /// service's <c>errors</c>), each with its path in the body; none for protocols whose answers are data or failure.
    /// Read from the body, so an answer served from the cache reports the same errors.
    /// </summary>
    IReadOnlyList<DownstreamFieldError> ErrorsIn(JsonNode? body) => [];
}
