using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;

namespace Bff.Edge;

/// <summary>
/// Proxy-pipeline step before load balancing: sends a request of a cluster that has a canary to the canary cluster
/// when it carries the canary header with <c>1</c>, or by chance with the configured share (a header with <c>0</c>
/// keeps it on the stable replicas).
/// </summary>
internal sealed class CanaryRouting(IOptionsMonitor<EdgeOptions> options, IProxyStateLookup lookup, ILogger<CanaryRouting> logger)
{
    public Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        if (options.CurrentValue.Canaries.TryGetValue(proxy.Cluster.Config.ClusterId, out var canary) && ToCanary(context.Request, canary))
        {
            if (lookup.TryGetCluster(canary.Cluster, out var target))
            {
                context.ReassignProxyRequest(target);
            }
            else
            {
                EdgeLog.UnknownCanary(logger, proxy.Cluster.Config.ClusterId, canary.Cluster);
            }
        }

        return next();
    }

    private static bool ToCanary(HttpRequest request, CanaryOptions canary) => request.Headers[canary.Header].ToString() switch
    {
        "1" => true,
        "0" => false,
        _ => canary.Share > 0 && Random.Shared.NextDouble() < canary.Share,
    };
}
