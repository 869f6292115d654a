using Microsoft.AspNetCore.Http;

namespace Bff.Subscriptions;

/// <summary>
/// The HTTP context an operation of a WebSocket runs with. After the upgrade the handshake's response has been sent,
/// yet the operation filters (rate limits, persisted queries, caching) read the request and set response headers and
/// features per operation: each operation gets a fresh context with the handshake's request, caller and address.
/// </summary>
internal static class OperationHttpContext
{
    /// <summary>A context like <paramref name="source"/>'s request (headers, address, user) over <paramref name="services"/>.</summary>
    public static HttpContext For(HttpContext source, IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services, User = source.User };
        var (from, to) = (source.Request, context.Request);
        (to.Method, to.Scheme, to.Host, to.PathBase, to.Path) = (HttpMethods.Post, from.Scheme, from.Host, from.PathBase, from.Path);
        foreach (var (name, value) in from.Headers)
        {
            to.Headers[name] = value;
        }

        context.Connection.RemoteIpAddress = source.Connection.RemoteIpAddress;
        context.Connection.RemotePort = source.Connection.RemotePort;
        return context;
    }
}
