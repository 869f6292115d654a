using Microsoft.Extensions.Logging;

namespace Bff.Stitching;

/// <summary>Log messages of downstream streams (event ids in the stitching range).</summary>
internal static partial class StreamingLog
{
    [LoggerMessage(EventId = LogEventIds.Stitching + 51, Level = LogLevel.Warning,
        Message = "Stream {Source} {Operation} of {Field} failed ({Code}); opening it again in {DelayMs} ms (attempt {Attempt} of {MaxAttempts})")]
    public static partial void Resubscribing(ILogger logger, string source, string operation, string field, string? code, double delayMs, int attempt, int maxAttempts);

    [LoggerMessage(EventId = LogEventIds.Stitching + 52, Level = LogLevel.Warning, Message = "Stream {Source} {Operation} of {Field} ended with {Code}")]
    public static partial void Ended(ILogger logger, string source, string operation, string field, string? code);

    [LoggerMessage(EventId = LogEventIds.Stitching + 53, Level = LogLevel.Error, Message = "Stream {Source} {Operation} of {Field} failed inside the gateway")]
    public static partial void Broken(ILogger logger, string source, string operation, string field, Exception exception);
}
