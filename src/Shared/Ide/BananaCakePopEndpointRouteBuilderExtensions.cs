using Bff.Ide;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the self-hosted Banana Cake Pop GraphQL IDE.</summary>
public static class BananaCakePopEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET</c> and <c>HEAD</c> <c>{path}/{**file}</c> to the Banana Cake Pop IDE: its page at
    /// <c>{path}/</c>, its static files and <c>{path}/bcp-config.json</c> (see <see cref="BananaCakePopIde"/>).
    /// </summary>
    /// <remarks>
    /// <para>
    /// A route <c>{path}</c> (the GraphQL endpoint's) takes precedence over this catch-all route for both
    /// <c>{path}</c> and <c>{path}/</c>: the GraphQL endpoint must call
    /// <see cref="BananaCakePopIde.TryServeAsync"/> first on <c>GET</c> so that a browser asking for
    /// <c>text/html</c> gets the IDE there. Without a GraphQL route at <paramref name="path"/>, this route serves
    /// those two URLs too.
    /// </para>
    /// <para>When <see cref="BananaCakePopOptions.Enabled"/> is <see langword="false"/>, nothing is mapped.</para>
    /// </remarks>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="path">The GraphQL path, e.g. <c>/graphql</c>.</param>
    /// <param name="options">The IDE options (read on every request).</param>
    /// <returns>A builder to add conventions (authorization, host, CORS, …) to the IDE's endpoint.</returns>
    public static IEndpointConventionBuilder MapBananaCakePop(this IEndpointRouteBuilder endpoints, string path, BananaCakePopOptions options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        var basePath = BananaCakePopIde.NormalizePath(path);

        if (!options.Enabled)
        {
            return new NoEndpointConventionBuilder();
        }

        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(BananaCakePopLog.Category);
        BananaCakePopIde.LogIfAssetsMissing(logger, basePath.Value ?? "", options);

        var pathText = basePath.Value ?? "";
        return endpoints
            .MapMethods(pathText + "/{**file}", [HttpMethods.Get, HttpMethods.Head], async context =>
            {
                if (!await BananaCakePopIde.TryServeAsync(context, pathText.Length == 0 ? "/" : pathText, options).ConfigureAwait(false))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                }
            })
            .WithDisplayName($"Banana Cake Pop IDE {pathText}/");
    }

    /// <summary>The convention builder returned when the IDE is disabled: conventions apply to nothing.</summary>
    private sealed class NoEndpointConventionBuilder : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
        }
    }
}
