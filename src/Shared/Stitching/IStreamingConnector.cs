using System.Text.Json.Nodes;

namespace Bff.Stitching;

/// <summary>
/// A connector whose protocol has calls that answer with a stream of messages (gRPC server streaming). The stream is
/// opened through the same filters as a single call (<see cref="DownstreamCall.StreamLifetime"/> set), so the source's
/// circuit breaker, timeouts and credentials apply to opening it; caching does not apply to streams.
/// </summary>
public interface IStreamingConnector
{
    /// <summary>
    /// Opens the stream of <paramref name="call"/> and returns once the downstream has accepted it (for gRPC: its
    /// response headers arrived). Failures to open are thrown as <c>DOWNSTREAM_*</c> <see cref="BffError"/>s.
    /// </summary>
    /// <param name="call">The call, with <see cref="DownstreamCall.StreamLifetime"/>: cancelling that token ends the stream.</param>
    /// <param name="opening">Cancelled when opening takes too long (the attempt's timeout) or the caller gives up.</param>
    Task<IDownstreamStream> OpenStreamAsync(DownstreamCall call, CancellationToken opening);
}

/// <summary>An open downstream stream. Disposing it cancels the call at once if it has not ended.</summary>
public interface IDownstreamStream : IAsyncDisposable
{
    /// <summary>
    /// Reads the messages as JSON, in order, until the downstream ends the stream. A failure is thrown as a
    /// <c>DOWNSTREAM_*</c> <see cref="DownstreamFailure"/>; cancelling <paramref name="cancellationToken"/> (or the
    /// call's lifetime) throws <see cref="OperationCanceledException"/>. Read once.
    /// </summary>
    IAsyncEnumerable<JsonNode> ReadAllAsync(CancellationToken cancellationToken);
}
