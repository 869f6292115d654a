using System.Globalization;
using Bff.Stitching;

namespace Bff.Resilience;

/// <summary>
/// Checks the timeouts and the resilience and chaos options of every source at start-up; each problem names its
/// configuration key. The limits are Polly's own where it has them (e.g. break duration at least 0.5 s).
/// </summary>
public static class ResilienceOptionsValidator
{
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinBreak = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    /// <summary>
    /// Returns every problem of the resilience settings of <paramref name="sources"/> and of the request timeout
    /// (<c>Bff:Http:RequestTimeout</c>, <paramref name="request"/>) that bounds them, each prefixed with
    /// <paramref name="configurationFile"/> and its key.
    /// </summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, SourceOptions> sources, TimeSpan request, string configurationFile)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var errors = new List<string>();
        if (request < MinTimeout)
        {
            errors.Add($"{configurationFile}: Bff:Http:RequestTimeout: must be at least 10 ms (is {Show(request)}).");
        }

        foreach (var (name, source) in sources)
        {
            var key = $"{configurationFile}: Bff:Sources:{name}";
            void Check(bool ok, string path, string problem)
            {
                if (!ok)
                {
                    errors.Add($"{key}:{path}: {problem}.");
                }
            }

            var resilience = source.Resilience;
            var retry = resilience.Retry;
            var breaker = resilience.CircuitBreaker;
            var chaos = source.Chaos;
            if (source.Timeout > TimeSpan.Zero)
            {
                Check(source.Timeout < request, "Timeout",
                    $"must be shorter than Bff:Http:RequestTimeout ({Show(request)}) so a slow source fails its own fields, not the whole request (is {Show(source.Timeout)})");
            }

            Check(resilience.AttemptTimeout >= MinTimeout && resilience.AttemptTimeout <= MaxDuration, "Resilience:AttemptTimeout", $"must be between 10 ms and 1 day (is {Show(resilience.AttemptTimeout)})");
            Check(retry.MaxRetries is >= 0 and <= 10, "Resilience:Retry:MaxRetries", $"must be between 0 and 10 (is {retry.MaxRetries})");
            Check(retry.BaseDelay >= TimeSpan.Zero && retry.BaseDelay <= MaxDuration, "Resilience:Retry:BaseDelay", $"must be between 0 and 1 day (is {Show(retry.BaseDelay)})");
            Check(retry.MaxDelay >= retry.BaseDelay && retry.MaxDelay <= MaxDuration, "Resilience:Retry:MaxDelay", $"must be at least Retry:BaseDelay and at most 1 day (is {Show(retry.MaxDelay)})");
            Check(retry.BudgetRatio is >= 0 and <= 1, "Resilience:Retry:BudgetRatio", $"must be between 0 and 1 (is {Show(retry.BudgetRatio)})");
            Check(retry.MinRetriesPerSecond >= 0, "Resilience:Retry:MinRetriesPerSecond", $"must not be negative (is {retry.MinRetriesPerSecond})");
            Check(retry.BudgetWindow >= TimeSpan.FromSeconds(1) && retry.BudgetWindow <= TimeSpan.FromMinutes(5),
                "Resilience:Retry:BudgetWindow", $"must be between 1 s and 5 min (is {Show(retry.BudgetWindow)})");
            Check(breaker.FailureRatio is > 0 and <= 1, "Resilience:CircuitBreaker:FailureRatio", $"must be more than 0 and at most 1 (is {Show(breaker.FailureRatio)})");
            Check(breaker.MinimumThroughput >= 2, "Resilience:CircuitBreaker:MinimumThroughput", $"must be at least 2 (is {breaker.MinimumThroughput})");
            Check(breaker.SamplingDuration >= MinBreak && breaker.SamplingDuration <= MaxDuration, "Resilience:CircuitBreaker:SamplingDuration", $"must be between 500 ms and 1 day (is {Show(breaker.SamplingDuration)})");
            Check(breaker.BreakDuration >= MinBreak && breaker.BreakDuration <= MaxDuration, "Resilience:CircuitBreaker:BreakDuration", $"must be between 500 ms and 1 day (is {Show(breaker.BreakDuration)})");
            Check(resilience.MaxConcurrentCalls >= 1, "Resilience:MaxConcurrentCalls", $"must be at least 1 (is {resilience.MaxConcurrentCalls})");
            Check(resilience.MaxQueuedCalls >= 0, "Resilience:MaxQueuedCalls", $"must not be negative (is {resilience.MaxQueuedCalls})");
            Check(chaos.FaultRate is >= 0 and <= 1, "Chaos:FaultRate", $"must be between 0 and 1 (is {Show(chaos.FaultRate)})");
            Check(chaos.LatencyRate is >= 0 and <= 1, "Chaos:LatencyRate", $"must be between 0 and 1 (is {Show(chaos.LatencyRate)})");
            Check(chaos.OutcomeRate is >= 0 and <= 1, "Chaos:OutcomeRate", $"must be between 0 and 1 (is {Show(chaos.OutcomeRate)})");
            Check(chaos.Latency >= TimeSpan.Zero && chaos.Latency <= MaxDuration, "Chaos:Latency", $"must be between 0 and 1 day (is {Show(chaos.Latency)})");
            var resubscribe = source.Streams.Resubscribe;
            Check(resubscribe.MaxAttempts is >= 0 and <= 100, "Streams:Resubscribe:MaxAttempts", $"must be between 0 (off) and 100 (is {resubscribe.MaxAttempts})");
            Check(resubscribe.BaseDelay >= MinTimeout && resubscribe.BaseDelay <= MaxDuration, "Streams:Resubscribe:BaseDelay", $"must be between 10 ms and 1 day (is {Show(resubscribe.BaseDelay)})");
            Check(resubscribe.MaxDelay >= resubscribe.BaseDelay && resubscribe.MaxDelay <= MaxDuration, "Streams:Resubscribe:MaxDelay", $"must be at least Resubscribe:BaseDelay and at most 1 day (is {Show(resubscribe.MaxDelay)})");
            Check(!string.IsNullOrWhiteSpace(chaos.OutcomeStatus), "Chaos:OutcomeStatus", "must be an HTTP status (503) or a gRPC status name (Unavailable)");
        }

        return errors;
    }

    private static string Show(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
