using Microsoft.Extensions.ServiceDiscovery;

namespace Bff.Stitching.Instances;

/// <summary>
/// Sends one call to the instances of a source (<c>Bff:Sources:{name}:Addresses</c>) in round-robin order: an instance
/// that refuses the connection is marked down and the call goes to the next one, which is safe for any call since not
/// a byte was sent. The addresses are re-read through service discovery, so a configuration change is followed.
/// </summary>
public static class InstanceFailover
{
    /// <summary>Sends <paramref name="send"/> to the first instance that takes the connection.</summary>
    /// <param name="source">The source's name.</param>
    /// <param name="instances">Its instances.</param>
    /// <param name="resolver">Finds the current addresses, or <see langword="null"/> to keep the configured ones.</param>
    /// <param name="send">Makes the call to one instance's address.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    public static async Task<T> SendAsync<T>(string source, SourceInstances instances, ServiceEndpointResolver? resolver, Func<Uri, Task<T>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(send);
        if (resolver is not null)
        {
            var query = $"{instances.Addresses[0].Scheme}://_{nameof(SourceOptions.Addresses)}.{source}";
            var found = await resolver.GetEndpointsAsync(query, cancellationToken).ConfigureAwait(false);
            instances.Update([.. found.Endpoints.Select(e => e.EndPoint).OfType<UriEndPoint>().Select(e => e.Uri)]);
        }

        var order = instances.NextOrder();
        for (var i = 0; ; i++)
        {
            try
            {
                var result = await send(order[i]).ConfigureAwait(false);
                instances.MarkUp(order[i]);
                return result;
            }
            catch (HttpRequestException ex) when (NotSent(ex))
            {
                instances.MarkDown(order[i]);
                if (i == order.Count - 1)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Gets whether a call failed before a byte of it was sent (a refused connection or an unknown host).</summary>
    public static bool NotSent(HttpRequestException exception) =>
        exception?.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
