using Grpc.Core;
using Grpc.Reflection.V1Alpha;

namespace Bff.Stitching.Grpc;

/// <summary>One conversation with a server reflection service: list the services, then fetch the files declaring them.</summary>
internal static class GrpcReflectionReader
{
    private const string ReflectionPrefix = "grpc.reflection.";

    /// <summary>Returns the serialized <c>FileDescriptorProto</c> of every file declaring a service, with the files they import.</summary>
    /// <exception cref="RpcException">The service cannot be reached, or does not serve reflection.</exception>
    public static async Task<List<ReadOnlyMemory<byte>>> ReadAllAsync(ServerReflection.ServerReflectionClient client, DateTime deadline)
    {
        using var call = client.ServerReflectionInfo(deadline: deadline);
        var services = await AskAsync(call, new ServerReflectionRequest { ListServices = string.Empty }).ConfigureAwait(false);
        var files = new List<ReadOnlyMemory<byte>>();
        foreach (var service in services.ListServicesResponse?.Service ?? [])
        {
            if (service.Name.StartsWith(ReflectionPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var answer = await AskAsync(call, new ServerReflectionRequest { FileContainingSymbol = service.Name }).ConfigureAwait(false);
            if (answer.ErrorResponse is { } error)
            {
                throw new RpcException(new Status((StatusCode)error.ErrorCode, $"no descriptor for {service.Name}: {error.ErrorMessage}"));
            }

            // Each answer carries the file and the files it imports; duplicates are dropped when the set is built.
            files.AddRange(answer.FileDescriptorResponse.FileDescriptorProto.Select(bytes => bytes.Memory));
        }

        await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        return files;
    }

    private static async Task<ServerReflectionResponse> AskAsync(
        AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call, ServerReflectionRequest request)
    {
        await call.RequestStream.WriteAsync(request).ConfigureAwait(false);
        return await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false)
            ? call.ResponseStream.Current
            : throw new RpcException(new Status(StatusCode.Unavailable, "the reflection stream ended early"));
    }
}
