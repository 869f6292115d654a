namespace Bff.Resilience.Options;

/// <summary>
/// The resilience policy of one downstream source, bound from <c>Bff:Sources:{name}:Resilience</c>. The source's
/// total budget is <c>Bff:Sources:{name}:Timeout</c>; everything here happens within it.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>Gets or sets the time one attempt may take; a retry, if allowed, gets a fresh attempt timeout.</summary>
    /// <value>Defaults to 2 seconds; never more than what is left of the source's <c>Timeout</c>.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the retry policy (idempotent calls only, within a budget).</summary>
    public RetryOptions Retry { get; } = new();

    /// <summary>Gets the circuit breaker policy.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; } = new();

    /// <summary>Gets or sets how many calls to the source may be in flight at once, across all requests.</summary>
    /// <value>Defaults to 100.</value>
    public int MaxConcurrentCalls { get; set; } = 100;

    /// <summary>
    /// Gets or sets how many calls may wait for a free slot when <see cref="MaxConcurrentCalls"/> are in flight; past
    /// it a call fails at once with <c>DOWNSTREAM_UNAVAILABLE</c> (reason <c>concurrency_limit</c>). Waiting counts
    /// against the source's timeout.
    /// </summary>
    /// <value>Defaults to 100.</value>
    public int MaxQueuedCalls { get; set; } = 100;
}
