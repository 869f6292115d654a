using System.Globalization;

namespace Bff;

/// <summary>Classifies the error statuses downstream services answer with.</summary>
public static class DownstreamStatus
{
    private static readonly HashSet<string> TransientGrpcStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        "Unavailable", "DeadlineExceeded", "ResourceExhausted", "Aborted", "Internal", "Unknown", "DataLoss",
    };

    /// <summary>
    /// Gets a value indicating whether <paramref name="status"/> is the service's fault and may go away on its own:
    /// HTTP 408, 429 and 5xx; gRPC <c>UNAVAILABLE</c>, <c>DEADLINE_EXCEEDED</c>, <c>RESOURCE_EXHAUSTED</c>,
    /// <c>ABORTED</c>, <c>INTERNAL</c>, <c>UNKNOWN</c>, <c>DATA_LOSS</c>; and a body that is not JSON. Such statuses count
    /// against the circuit and are retried for idempotent calls; other statuses (4xx, <c>INVALID_ARGUMENT</c>, …) are
    /// the request's fault and neither.
    /// </summary>
    /// <param name="status">An HTTP status code (<c>"503"</c>), a gRPC status name (<c>"Unavailable"</c>), or <c>invalid_json</c>.</param>
    public static bool IsTransient(string status) =>
        int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var http)
            ? http is 408 or 429 or >= 500
            : status == "invalid_json" || TransientGrpcStatuses.Contains(status);
}
