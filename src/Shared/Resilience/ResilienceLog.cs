using Microsoft.Extensions.Logging;

namespace Bff.Resilience;

/// <summary>Log messages of the resilience pipelines: once per state change, never per request.</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = LogEventIds.Resilience + 1, Level = LogLevel.Warning, Message = "Circuit of source {Source} opened for {BreakMs} ms after {Reason}; its fields fail with CIRCUIT_OPEN")]
    public static partial void CircuitOpened(ILogger logger, string source, double breakMs, string reason);

    [LoggerMessage(EventId = LogEventIds.Resilience + 2, Level = LogLevel.Information, Message = "Circuit of source {Source} is half-open: one trial call goes through")]
    public static partial void CircuitHalfOpened(ILogger logger, string source);

    [LoggerMessage(EventId = LogEventIds.Resilience + 3, Level = LogLevel.Information, Message = "Circuit of source {Source} closed: calls flow again")]
    public static partial void CircuitClosed(ILogger logger, string source);

    [LoggerMessage(EventId = LogEventIds.Resilience + 4, Level = LogLevel.Warning, Message = "Chaos is enabled for source {Source}: fault {FaultRate}, latency {LatencyRate} x {LatencyMs} ms, outcome {OutcomeRate} x {OutcomeStatus}")]
    public static partial void ChaosEnabled(ILogger logger, string source, double faultRate, double latencyRate, double latencyMs, double outcomeRate, string outcomeStatus);

    [LoggerMessage(EventId = LogEventIds.Resilience + 5, Level = LogLevel.Debug, Message = "Retry of a {Source} call skipped: the retry budget is spent")]
    public static partial void RetryBudgetSpent(ILogger logger, string source);
}
