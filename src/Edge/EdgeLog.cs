using Microsoft.Extensions.Logging;

namespace Bff.Edge;

/// <summary>The front door's log messages (event ids 9000–9099).</summary>
internal static partial class EdgeLog
{
    [LoggerMessage(9000, LogLevel.Warning, "No TLS certificate configured (Kestrel:Certificates:Default): serving HTTPS with a self-signed development certificate for {Names}, thumbprint {Thumbprint}, valid until {NotAfter:u}. Configure a real certificate in production.")]
    public static partial void DevelopmentCertificate(ILogger logger, string names, string thumbprint, DateTimeOffset notAfter);

    [LoggerMessage(9001, LogLevel.Warning, "Replica {Destination} of cluster {Cluster} failed before the request reached it ({Error}): out of rotation for {Period}, request retried on another replica.")]
    public static partial void ReplicaEjected(ILogger logger, string destination, string cluster, string error, TimeSpan period);

    [LoggerMessage(9002, LogLevel.Warning, "Canary of cluster {Cluster} names cluster {Canary}, which is not configured: canary traffic stays on {Cluster}.")]
    public static partial void UnknownCanary(ILogger logger, string cluster, string canary);
}
