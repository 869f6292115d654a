using Bff.Stitching;
using Bff.Stitching.RemoteGraphQL;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the remote GraphQL protocol.</summary>
public static class GraphQLServiceCollectionExtensions
{
    /// <summary>Adds <see cref="GraphQLProtocol"/>: sources of kind <c>GraphQL</c> and <c>@graphql</c> bindings.</summary>
    public static IServiceCollection AddBffGraphQLProtocol(this IServiceCollection services) =>
        services.AddSingleton<IDownstreamProtocol>(new GraphQLProtocol());
}
