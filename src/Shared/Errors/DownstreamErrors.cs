using System.Globalization;

namespace Bff;

/// <summary>Builds the field errors of failed downstream calls: a code, the source, never a downstream body.</summary>
public static class DownstreamErrors
{
    /// <summary>The call did not complete within <paramref name="timeout"/>.</summary>
    public static DownstreamFailure Timeout(string source, TimeSpan timeout) => new(
        ErrorCodes.DownstreamTimeout,
        $"{source} did not answer within {timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms.",
        source,
        new Dictionary<string, object?> { ["source"] = source },
        transient: true,
        requestSent: true);

    /// <summary>The source could not be reached.</summary>
    /// <param name="source">The source name.</param>
    /// <param name="reason">Why, in one word (e.g. <c>ConnectionError</c>); shown to clients.</param>
    /// <param name="requestSent"><see langword="false"/> when the request certainly never reached the service.</param>
    public static DownstreamFailure Unavailable(string source, string? reason, bool requestSent = true) => new(
        ErrorCodes.DownstreamUnavailable,
        $"{source} is unavailable.",
        source,
        new Dictionary<string, object?> { ["source"] = source, ["reason"] = reason },
        transient: true,
        requestSent);

    /// <summary>The source answered with an error status; <see cref="DownstreamStatus.IsTransient"/> decides whether it may be retried.</summary>
    public static DownstreamFailure Error(string source, string status, string message) => new(
        ErrorCodes.DownstreamError,
        message,
        source,
        new Dictionary<string, object?> { ["source"] = source, ["status"] = status },
        DownstreamStatus.IsTransient(status),
        requestSent: true);

    /// <summary>The source's circuit is open: the call was not made.</summary>
    public static DownstreamFailure CircuitOpen(string source) => new(
        ErrorCodes.CircuitOpen,
        $"{source} is failing; calls to it are paused.",
        source,
        new Dictionary<string, object?> { ["source"] = source },
        transient: false,
        requestSent: false) { Attempts = 0 };
}
