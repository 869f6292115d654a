using Microsoft.Extensions.Logging;

namespace Bff.Session;

/// <summary>Log messages of <see cref="SessionStore"/> (event ids 8101-8109): one per change of state, never one per request.</summary>
public sealed partial class SessionStore
{
    [LoggerMessage(EventId = LogEventIds.Session + 1, Level = LogLevel.Error,
        Message = "Session store unavailable (Redis down): cookie requests are refused with 503 until it returns (Bff:Session:WhenRedisDown = FailClosed); bearer requests are unaffected")]
    private static partial void LogFailingClosed(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Session + 2, Level = LogLevel.Warning,
        Message = "Session store unavailable (Redis down): sessions fall back to this replica's memory (Bff:Session:WhenRedisDown = Memory); other replicas do not see them")]
    private static partial void LogFallingBack(ILogger logger);

    [LoggerMessage(EventId = LogEventIds.Session + 3, Level = LogLevel.Information, Message = "Session store: Redis is back, sessions are shared again")]
    private static partial void LogRedisBack(ILogger logger);
}
