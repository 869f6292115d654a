using Bff.Stitching;
using Bff.Stitching.Grpc;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC protocol.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GrpcProtocol"/>: sources of kind <c>Grpc</c> and <c>@grpc</c> bindings.</summary>
    public static IServiceCollection AddBffGrpcProtocol(this IServiceCollection services) =>
        services.AddSingleton<IDownstreamProtocol>(new GrpcProtocol());
}
