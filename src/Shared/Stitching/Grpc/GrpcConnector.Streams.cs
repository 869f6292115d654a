using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bff.Protobuf;
using Grpc.Core;

namespace Bff.Stitching.Grpc;

/// <summary>Server-streaming calls: the request is built as for unary calls, each streamed message is decoded alike.</summary>
public sealed partial class GrpcConnector
{
    /// <inheritdoc />
    public Task<IDownstreamStream> OpenStreamAsync(DownstreamCall call, CancellationToken opening)
    {
        ArgumentNullException.ThrowIfNull(call);
        return OnSomeInstanceAsync(() => OpenOnceAsync(call, opening));
    }

    private async Task<IDownstreamStream> OpenOnceAsync(DownstreamCall call, CancellationToken opening)
    {
        var (grpc, method, message, headers) = Prepare(call);
        var lifetime = call.StreamLifetime ?? CancellationToken.None;
        AsyncServerStreamingCall<byte[]>? stream = null;
        try
        {
            // No gRPC deadline: it would end the stream itself. Opening is bounded by `opening` (the attempt's timeout).
            stream = DynamicGrpcInvoker.OpenServerStream(_invoker, method, message, new CallOptions(headers, deadline: null, lifetime));
            await stream.ResponseHeadersAsync.WaitAsync(opening).ConfigureAwait(false);

            // A stream refused outright (an error status before any message) is answered with trailers only: a failed opening.
            if (Ended(stream) is { StatusCode: not StatusCode.OK } refused)
            {
                throw new RpcException(refused);
            }

            return new Stream(this, stream, grpc.Method, method, lifetime);
        }
        catch (Exception ex)
        {
            stream?.Dispose();
            if (ex is RpcException or ProtoEncodeException)
            {
                throw Failure(ex, grpc.Method, _options.Timeout, opening.IsCancellationRequested ? opening : lifetime);
            }

            throw;
        }
    }

    private static Status? Ended(AsyncServerStreamingCall<byte[]> call)
    {
        try
        {
            return call.GetStatus();
        }
        catch (InvalidOperationException)
        {
            return null; // Still running: the stream is open.
        }
    }

    private sealed class Stream(GrpcConnector owner, AsyncServerStreamingCall<byte[]> call, string name, ProtoMethod method, CancellationToken lifetime) : IDownstreamStream
    {
        public async IAsyncEnumerable<JsonNode> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (true)
            {
                JsonObject message;
                try
                {
                    if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    message = ProtoCodec.Decode(method.OutputType, call.ResponseStream.Current);
                }
                catch (Exception ex) when (ex is RpcException or ProtoDecodeException)
                {
                    throw owner.Failure(ex, name, owner._options.Timeout, cancellationToken.IsCancellationRequested ? cancellationToken : lifetime);
                }

                yield return message;
            }
        }

        public ValueTask DisposeAsync()
        {
            // Cancels the call if it is still running: the server sees its stream cancelled at once.
            call.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
