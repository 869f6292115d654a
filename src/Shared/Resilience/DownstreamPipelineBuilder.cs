using Bff.Stitching;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Simmy;
using Polly.Timeout;
using Bff.Resilience.Options;

namespace Bff.Resilience;

/// <summary>
/// Builds the resilience pipeline of one source, outermost first: total timeout (the source's <c>Timeout</c>, or
/// less when the request's deadline is nearer), concurrency limit, retry (idempotent calls, transient failures, within
/// the budget), circuit breaker, attempt timeout, then the chaos strategies when enabled, so that they act like real
/// faults to everything above them.
/// </summary>
internal static class DownstreamPipelineBuilder
{
    private static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(1);

    public static void Configure(ResiliencePipelineBuilder<DownstreamResponse> builder, string source, SourceOptions options, RetryBudget budget, SourceCircuit circuit, TimeProvider time, ILogger logger)
    {
        var resilience = options.Resilience;
        builder.TimeProvider = time;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "total",
            TimeoutGenerator = args => ValueTask.FromResult(Max(ResilienceCallState.Of(args.Context).Deadline - time.GetUtcNow(), Shortest)),
        });
        builder.AddConcurrencyLimiter(resilience.MaxConcurrentCalls, resilience.MaxQueuedCalls);
        if (resilience.Retry.MaxRetries > 0)
        {
            builder.AddRetry(Retry(source, resilience.Retry, budget, logger));
        }

        builder.AddCircuitBreaker(CircuitBreaker(source, resilience.CircuitBreaker, circuit, logger));
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "attempt",
            TimeoutGenerator = args =>
            {
                var state = ResilienceCallState.Of(args.Context);
                var now = time.GetUtcNow();
                var timeout = Max(Min(resilience.AttemptTimeout, state.Deadline - now), Shortest);
                state.Attempts++;
                state.AttemptDeadline = now + timeout;
                return ValueTask.FromResult(timeout);
            },
        });
        if (options.Chaos.Enabled)
        {
            AddChaos(builder, source, options.Chaos, logger);
        }
    }

    /// <summary>Gets a value indicating whether a failed attempt counts against the circuit: the service's fault, not the request's.</summary>
    public static bool IsFailure(Exception? exception) =>
        exception is DownstreamFailure { Transient: true } or TimeoutRejectedException;

    private static RetryStrategyOptions<DownstreamResponse> Retry(string source, RetryOptions retry, RetryBudget budget, ILogger logger) => new()
    {
        MaxRetryAttempts = retry.MaxRetries,
        Delay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        ShouldHandle = args =>
        {
            var state = ResilienceCallState.Of(args.Context);
            var worth = args.AttemptNumber < retry.MaxRetries && args.Outcome.Exception switch
            {
                DownstreamFailure failure => failure.Transient && (state.Idempotent || !failure.RequestSent),
                TimeoutRejectedException => state.Idempotent,
                _ => false,
            };
            if (worth && !budget.TryTakeRetry())
            {
                ResilienceLog.RetryBudgetSpent(logger, source);
                worth = false;
            }

            return ValueTask.FromResult(worth);
        },
    };

    private static CircuitBreakerStrategyOptions<DownstreamResponse> CircuitBreaker(string source, CircuitBreakerOptions breaker, SourceCircuit circuit, ILogger logger) => new()
    {
        FailureRatio = breaker.FailureRatio,
        MinimumThroughput = breaker.MinimumThroughput,
        SamplingDuration = breaker.SamplingDuration,
        BreakDuration = breaker.BreakDuration,
        ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome.Exception)),
        OnOpened = args =>
        {
            circuit.Opened(args.BreakDuration);
            var reason = args.Outcome.Exception is BffError { Code: { } code } ? code : ErrorCodes.DownstreamTimeout;
            ResilienceLog.CircuitOpened(logger, source, args.BreakDuration.TotalMilliseconds, reason);
            return default;
        },
        OnHalfOpened = _ =>
        {
            circuit.HalfOpened();
            ResilienceLog.CircuitHalfOpened(logger, source);
            return default;
        },
        OnClosed = _ =>
        {
            circuit.Closed();
            ResilienceLog.CircuitClosed(logger, source);
            return default;
        },
    };

    private static void AddChaos(ResiliencePipelineBuilder<DownstreamResponse> builder, string source, ChaosOptions chaos, ILogger logger)
    {
        ResilienceLog.ChaosEnabled(logger, source, chaos.FaultRate, chaos.LatencyRate, chaos.Latency.TotalMilliseconds, chaos.OutcomeRate, chaos.OutcomeStatus);
        builder
            .AddChaosFault(chaos.FaultRate, () => DownstreamErrors.Unavailable(source, "chaos_fault"))
            .AddChaosLatency(chaos.LatencyRate, chaos.Latency)
            .AddChaosOutcome(new Polly.Simmy.Outcomes.ChaosOutcomeStrategyOptions<DownstreamResponse>
            {
                InjectionRate = chaos.OutcomeRate,
                OutcomeGenerator = _ => ValueTask.FromResult<Outcome<DownstreamResponse>?>(Outcome.FromException<DownstreamResponse>(
                    DownstreamErrors.Error(source, chaos.OutcomeStatus, $"{source} answered {chaos.OutcomeStatus} (injected by chaos)."))),
            });
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
