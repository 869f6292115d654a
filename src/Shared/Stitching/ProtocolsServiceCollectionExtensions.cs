using Bff.Stitching;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the protocols Bff speaks: the one list a new protocol is added to.</summary>
public static class ProtocolsServiceCollectionExtensions
{
    /// <summary>
    /// Adds every built-in protocol (REST, gRPC, remote GraphQL) unless protocols were registered already, and returns the set, which
    /// start-up needs before the container is built (contracts are loaded and bindings checked while the host is built).
    /// </summary>
    public static DownstreamProtocols AddBffProtocols(this IServiceCollection services)
    {
        if (!services.Any(s => s.ServiceType == typeof(IDownstreamProtocol)))
        {
            services.AddBffRestProtocol();
            services.AddBffGrpcProtocol();
            services.AddBffGraphQLProtocol();
        }

        var protocols = new DownstreamProtocols(services.Where(s => s.ServiceType == typeof(IDownstreamProtocol))
            .Select(s => s.ImplementationInstance as IDownstreamProtocol
                ?? throw new InvalidOperationException("Register protocols as instances (AddSingleton<IDownstreamProtocol>(new …)): start-up reads them before the container exists.")));
        services.AddSingleton(protocols);
        return protocols;
    }
}
