using System.Globalization;

namespace Bff.Stitching;

/// <summary>Builds the field errors of failed downstream calls: a code, the source, never a downstream body.</summary>
public static class DownstreamErrors
{
    /// <summary>The call did not complete within the source's timeout.</summary>
    public static BffError Timeout(string source, TimeSpan timeout) => new(
        ErrorCodes.DownstreamTimeout,
        $"{source} did not answer within {timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms.",
        new Dictionary<string, object?> { ["source"] = source });

    /// <summary>The source could not be reached.</summary>
    public static BffError Unavailable(string source, string? reason) => new(
        ErrorCodes.DownstreamUnavailable,
        $"{source} is unavailable.",
        new Dictionary<string, object?> { ["source"] = source, ["reason"] = reason });

    /// <summary>The source answered with an error status.</summary>
    public static BffError Error(string source, string status, string message) => new(
        ErrorCodes.DownstreamError,
        message,
        new Dictionary<string, object?> { ["source"] = source, ["status"] = status });
}
