using Microsoft.Extensions.Logging;

namespace Bff.Subscriptions;

/// <summary>The log messages of the streaming transports.</summary>
internal static partial class SubscriptionsLog
{
    [LoggerMessage(EventId = LogEventIds.Subscriptions + 1, Level = LogLevel.Information, Message = "WebSocket refused: origin {Origin} is not allowed (Bff:Subscriptions:AllowedOrigins)")]
    public static partial void OriginRefused(ILogger logger, string origin);

    [LoggerMessage(EventId = LogEventIds.Subscriptions + 2, Level = LogLevel.Warning, Message = "Subscriber too slow on {Transport}: its buffer of {Capacity} messages filled, so its subscriptions were ended")]
    public static partial void TooSlow(ILogger logger, string transport, int capacity);

    [LoggerMessage(EventId = LogEventIds.Subscriptions + 3, Level = LogLevel.Information, Message = "Streaming connection refused: the caller holds {Limit} connections already")]
    public static partial void TooManyConnections(ILogger logger, int limit);

    [LoggerMessage(EventId = LogEventIds.Subscriptions + 4, Level = LogLevel.Debug, Message = "WebSocket closed by the host with {Code}: {Reason}")]
    public static partial void Closing(ILogger logger, int code, string reason);

    [LoggerMessage(EventId = LogEventIds.Subscriptions + 5, Level = LogLevel.Error, Message = "A WebSocket operation failed unexpectedly")]
    public static partial void OperationFailed(ILogger logger, Exception exception);
}
