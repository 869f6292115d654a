using Microsoft.Extensions.Logging;

namespace Bff.RateLimiting;

/// <summary>Log messages of rate limiting.</summary>
internal static partial class RateLimitingLog
{
    [LoggerMessage(EventId = LogEventIds.RateLimiting + 1, Level = LogLevel.Information, Message = "Rate limiting: {Policies}")]
    public static partial void Policies(ILogger logger, string policies);

    [LoggerMessage(EventId = LogEventIds.RateLimiting + 2, Level = LogLevel.Debug, Message = "Rate limit '{Policy}' refused {Partition}; retry after {RetryAfter} s")]
    public static partial void Refused(ILogger logger, string policy, string partition, int retryAfter);
}
