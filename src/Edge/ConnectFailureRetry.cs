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
/// goes to another replica. The same holds when the replica reset the connection while the request body was being
/// sent (a replica going down resets the kept-alive connections to it): an operation whose body never arrived whole
/// cannot have run (small bodies are buffered so they can be sent again), and the replica is taken out of rotation too.
/// Any failure after the request was delivered is left alone: the replica may have acted on it.
/// </summary>
internal sealed class ConnectFailureRetry(IDestinationHealthUpdater health, IProxyStateLookup lookup, IOptionsMonitor<EdgeOptions> options, ILogger<ConnectFailureRetry> logger)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        var failed = new List<DestinationState>();
        var attempts = 0;
        var settings = options.CurrentValue;
        if (context.Request.ContentLength is > 0 and <= MaxBufferedBody)
        {
            context.Request.EnableBuffering();
        }

        while (true)
        {
            await next();
            if (context.GetForwarderErrorFeature() is not { } error || !NothingWasSent(error) || context.Response.HasStarted
                || proxy.ProxiedDestination is not { } destination)
            {
                return;
            }

            attempts++;
            // Unreachable, or resetting connections it had accepted (a replica going down does both): out of rotation at
            // once, until the active check finds it healthy again, so the next requests do not find it first.
            if (lookup.TryGetCluster(proxy.Cluster.Config.ClusterId, out var cluster))
            {
                health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, settings.EjectionPeriod);
            }

            EdgeLog.ReplicaEjected(logger, destination.DestinationId, proxy.Cluster.Config.ClusterId, error.Exception?.Message ?? error.Error.ToString(), settings.EjectionPeriod);
            failed.Add(destination);

            var remaining = candidates.Where(d => !failed.Contains(d)).ToList();
            if (remaining.Count == 0 || attempts > settings.MaxConnectRetries)
            {
                return;
            }

            if (context.Request.ContentLength > 0)
            {
                if (!context.Request.Body.CanSeek)
                {
                    return;
                }

                context.Request.Body.Position = 0;
            }

            proxy.AvailableDestinations = remaining;
            proxy.ProxiedDestination = null;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
        }
    }

    /// <summary>Bodies up to this size are buffered so that a request can be sent again.</summary>
    private const int MaxBufferedBody = 1024 * 1024;

    /// <summary>
    /// Connection refused, no route, name not resolved, TLS handshake failed: the request never left. Or the replica
    /// reset the connection before it had the whole body.
    /// </summary>
    internal static bool NothingWasSent(IForwarderErrorFeature error) => error.Error switch
    {
        ForwarderError.Request => error.Exception is HttpRequestException
        {
            HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError,
        },
        ForwarderError.RequestBodyDestination => Flatten(error.Exception).Any(e => e is System.Net.Sockets.SocketException
        {
            SocketErrorCode: System.Net.Sockets.SocketError.ConnectionReset or System.Net.Sockets.SocketError.ConnectionRefused,
        }),
        _ => false,
    };

    private static IEnumerable<Exception> Flatten(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
