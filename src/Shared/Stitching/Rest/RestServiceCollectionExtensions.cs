using Bff.Stitching;
using Bff.Stitching.Rest;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the REST protocol.</summary>
public static class RestServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RestProtocol"/>: sources of kind <c>Rest</c> and <c>@rest</c> bindings.</summary>
    public static IServiceCollection AddBffRestProtocol(this IServiceCollection services) =>
        services.AddSingleton<IDownstreamProtocol>(new RestProtocol());
}
