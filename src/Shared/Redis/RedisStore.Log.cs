using Microsoft.Extensions.Logging;

namespace Bff.Redis;

/// <summary>Log messages of <see cref="RedisStore"/>: one per change of state, never one per request.</summary>
public sealed partial class RedisStore
{
    [LoggerMessage(EventId = LogEventIds.Redis + 1, Level = LogLevel.Warning,
        Message = "No Redis configured (ConnectionStrings:Redis): response cache, persisted queries and rate limits are kept in this instance's memory. Run a single instance, or configure Redis to share them between replicas.")]
    private static partial void LogInMemory(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Redis + 2, Level = LogLevel.Information, Message = "Connecting to Redis at {Endpoints}")]
    private static partial void LogConnecting(ILogger logger, string endpoints);

    [LoggerMessage(EventId = LogEventIds.Redis + 3, Level = LogLevel.Information, Message = "Redis connected: response cache, persisted queries and rate limits are shared with every replica")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Redis + 4, Level = LogLevel.Warning,
        Message = "Redis unavailable ({Reason}): serving from in-memory fallbacks (cache, persisted queries, rate limits per instance) until it returns")]
    private static partial void LogDown(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEventIds.Redis + 5, Level = LogLevel.Information, Message = "Redis is back: shared state restored")]
    private static partial void LogRecovered(ILogger logger);
}
