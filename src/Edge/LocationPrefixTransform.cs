using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Bff.Edge;

/// <summary>
/// For routes that strip a path prefix (<c>PathRemovePrefix</c>), puts the prefix back on a host's root-relative
/// redirect: the IDE's <c>/graphql</c> → <c>/graphql/</c> becomes <c>/mobile/graphql/</c>, which the front door routes.
/// </summary>
internal sealed class LocationPrefixTransform : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        var prefix = context.Route.Transforms?.SelectMany(t => t).FirstOrDefault(t => t.Key == "PathRemovePrefix").Value;
        if (string.IsNullOrEmpty(prefix))
        {
            return;
        }

        context.AddResponseTransform(transform =>
        {
            var headers = transform.HttpContext.Response.Headers;
            if (headers.Location.ToString() is ['/', not '/', ..] location)
            {
                headers.Location = prefix + location;
            }

            return ValueTask.CompletedTask;
        });
    }
}
