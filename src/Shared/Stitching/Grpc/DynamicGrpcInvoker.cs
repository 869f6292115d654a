using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Bff.Protobuf;
using Grpc.Core;

namespace Bff.Stitching.Grpc;

/// <summary>
/// Calls unary and server-streaming gRPC methods described by a <see cref="ProtoMethod"/> with JSON in and JSON out:
/// the request is encoded with <see cref="ProtoCodec"/>, sent as raw bytes through any <see cref="CallInvoker"/> (a
/// <c>GrpcChannel</c>, with its interceptors), and each response decoded. Thread-safe.
/// </summary>
public static class DynamicGrpcInvoker
{
    private static readonly Marshaller<byte[]> PassThrough = Marshallers.Create(static bytes => bytes, static bytes => bytes);

    // Weak keys: a method lives as long as the schema set that declares it.
    private static readonly ConditionalWeakTable<ProtoMethod, Method<byte[], byte[]>> Methods = [];

    /// <summary>Gets the (cached) raw-bytes gRPC method for <paramref name="method"/>: unary or server-streaming.</summary>
    /// <exception cref="NotSupportedException">The client streams (client-streaming or bidirectional).</exception>
    public static Method<byte[], byte[]> GetMethod(ProtoMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.ClientStreaming)
        {
            throw new NotSupportedException($"'{method.FullName}' is a client-streaming method; only unary and server-streaming methods can be called.");
        }

        return Methods.GetValue(method, static m =>
            new Method<byte[], byte[]>(m.ServerStreaming ? MethodType.ServerStreaming : MethodType.Unary, m.Service.FullName, m.Name, PassThrough, PassThrough));
    }

    /// <summary>Encodes <paramref name="request"/>, calls <paramref name="method"/> and decodes the response.</summary>
    /// <exception cref="ProtoEncodeException">The request does not fit the request message (thrown before any call).</exception>
    /// <exception cref="RpcException">The call failed (a status other than OK, the deadline, cancellation).</exception>
    /// <exception cref="ProtoDecodeException">The response bytes are not a valid response message.</exception>
    public static async Task<JsonObject> InvokeAsync(CallInvoker invoker, ProtoMethod method, JsonObject request, CallOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(request);
        var grpcMethod = Of(method, MethodType.Unary);
        var payload = ProtoCodec.Encode(method.InputType, request);
        using var call = invoker.AsyncUnaryCall(grpcMethod, host: null, options, payload);
        var response = await call.ResponseAsync.ConfigureAwait(false);
        return ProtoCodec.Decode(method.OutputType, response);
    }

    /// <summary>
    /// Encodes <paramref name="request"/> and starts a call of the server-streaming <paramref name="method"/>; read its
    /// messages as raw bytes from the result and decode each with <see cref="ProtoCodec.Decode(ProtoMessage, byte[])"/>
    /// and the method's output type. Dispose the call to cancel it.
    /// </summary>
    /// <exception cref="ProtoEncodeException">The request does not fit the request message (thrown before any call).</exception>
    public static AsyncServerStreamingCall<byte[]> OpenServerStream(CallInvoker invoker, ProtoMethod method, JsonObject request, CallOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(request);
        var grpcMethod = Of(method, MethodType.ServerStreaming);
        return invoker.AsyncServerStreamingCall(grpcMethod, host: null, options, ProtoCodec.Encode(method.InputType, request));
    }

    private static Method<byte[], byte[]> Of(ProtoMethod method, MethodType type)
    {
        var grpcMethod = GetMethod(method);
        return grpcMethod.Type == type
            ? grpcMethod
            : throw new NotSupportedException($"'{method.FullName}' is a {grpcMethod.Type} method, not a {type} one.");
    }
}
