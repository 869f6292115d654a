using System.Net.Http;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Bff.Edge;

/// <summary>
/// Proxy-pipeline step around load balancing: when the connection to the chosen replica cannot be made, nothing of
/// the request was sent, so it is safe to send it again, even a mutation. That replica is taken out of rotation at
/// once (passive health, until <see cref="EdgeOptions.EjectionPeriod"/>; then the active check decides) and the request
/// goes to another replica. Any failure after the connection was made is left alone: the replica may have acted on it.
/// </summary>
internal sealed class ConnectFailureRetry(IDestinationHealthUpdater health, IProxyStateLookup lookup, IOptionsMonitor<EdgeOptions> options, ILogger<ConnectFailureRetry> logger)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        var failed = new List<DestinationState>();
        var settings = options.CurrentValue;
        while (true)
        {
            await next();
            if (context.GetForwarderErrorFeature() is not { } error || !NothingWasSent(error) || context.Response.HasStarted
                || proxy.ProxiedDestination is not { } destination)
            {
                return;
            }

            if (lookup.TryGetCluster(proxy.Cluster.Config.ClusterId, out var cluster))
            {
                health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, settings.EjectionPeriod);
            }

            EdgeLog.ReplicaEjected(logger, destination.DestinationId, proxy.Cluster.Config.ClusterId, error.Exception?.Message ?? error.Error.ToString(), settings.EjectionPeriod);
            failed.Add(destination);
            var remaining = candidates.Where(d => !failed.Contains(d)).ToList();
            if (remaining.Count == 0 || failed.Count > settings.MaxConnectRetries)
            {
                return;
            }

            proxy.AvailableDestinations = remaining;
            proxy.ProxiedDestination = null;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
        }
    }

    /// <summary>Connection refused, no route, name not resolved, TLS handshake failed: the request never left.</summary>
    internal static bool NothingWasSent(IForwarderErrorFeature error) =>
        error.Error == ForwarderError.Request
        && error.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };
}
