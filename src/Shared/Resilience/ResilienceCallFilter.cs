using Bff.Stitching;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Bff.Resilience;

/// <summary>
/// Runs every downstream call through its source's resilience pipeline, so REST and gRPC share one mechanism and a
/// batched call is one call (retried as a whole, never as N single calls). Failures leave as coded field errors:
/// <c>DOWNSTREAM_TIMEOUT</c>, <c>DOWNSTREAM_UNAVAILABLE</c>, <c>DOWNSTREAM_ERROR</c> or <c>CIRCUIT_OPEN</c>.
/// </summary>
public sealed class ResilienceCallFilter : IDownstreamCallFilter
{
    /// <summary>The filter's <see cref="Order"/>: late, so filters that answer without the source (a cache) run first.</summary>
    public const int DefaultOrder = FilterOrder.Resilience;

    // Calls bound by the request's deadline end a little after it, so the request's own timer wins the tie and an
    // overrun request is answered 504 rather than with a field error that happened to fire first.
    private static readonly TimeSpan RequestDeadlineLead = TimeSpan.FromMilliseconds(100);

    private readonly DownstreamResilience _resilience;
    private readonly TimeProvider _time;
    private readonly IReadOnlyDictionary<string, SourceOptions> _sources;

    /// <summary>Creates the filter.</summary>
    public ResilienceCallFilter(DownstreamResilience resilience, SourceSet sources, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _resilience = resilience;
        _time = time;
        _sources = sources;
    }

    /// <inheritdoc />
    public int Order => DefaultOrder;

    /// <inheritdoc />
    public async Task<DownstreamResponse> InvokeAsync(DownstreamCall call, DownstreamCallDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var source = call.Binding.Source;
        var now = _time.GetUtcNow();
        var deadline = now + _sources[source].Timeout;
        if (call.Request.Deadline is { } requestDeadline && requestDeadline + RequestDeadlineLead < deadline)
        {
            deadline = requestDeadline + RequestDeadlineLead;
        }

        var state = new ResilienceCallState(call, next, call.Binding.Idempotent, deadline);
        _resilience.Budget(source).RecordCall();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ResilienceCallState.Key, state);
        try
        {
            var outcome = await _resilience.Pipeline(source).ExecuteOutcomeAsync(AttemptAsync, context, state).ConfigureAwait(false);
            if (outcome.Exception is { } exception)
            {
                var failure = Map(source, exception);
                if (failure is null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
                }

                failure.Attempts = state.Attempts;
                throw failure;
            }

            return outcome.Result! with { Attempts = state.Attempts };
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async ValueTask<Outcome<DownstreamResponse>> AttemptAsync(ResilienceContext context, ResilienceCallState state)
    {
        try
        {
            var call = state.Call with { Deadline = state.AttemptDeadline };
            return Outcome.FromResult(await state.Next(call, context.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<DownstreamResponse>(ex);
        }
    }

    // Polly's own exceptions become coded field errors; anything else (cancellation, a bug) goes on unchanged.
    private static DownstreamFailure? Map(string source, Exception exception) => exception switch
    {
        DownstreamFailure failure => failure,
        TimeoutRejectedException timeout => DownstreamErrors.Timeout(source, timeout.Timeout),
        BrokenCircuitException => DownstreamErrors.CircuitOpen(source),
        RateLimiterRejectedException => DownstreamErrors.Unavailable(source, "concurrency_limit", requestSent: false),
        _ => null,
    };
}
