namespace Bff.Resilience.Options;

/// <summary>
/// Retries of one source, bound from <c>Bff:Sources:{name}:Resilience:Retry</c>. Only transient failures (timeouts,
/// refused connections, HTTP 408/429/5xx, gRPC <c>UNAVAILABLE</c> and the like) of calls that are safe to repeat are
/// retried: REST <c>GET</c>, <c>HEAD</c> and <c>OPTIONS</c>, gRPC methods declared <c>NO_SIDE_EFFECTS</c> or
/// <c>IDEMPOTENT</c>, and any call whose connection was refused (the service never saw it).
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Gets or sets the most retries of one call (so at most <c>MaxRetries + 1</c> attempts); 0 turns retries off.</summary>
    /// <value>Defaults to 2.</value>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Gets or sets the delay before the first retry; it doubles for each further retry, with jitter.</summary>
    /// <value>Defaults to 100 milliseconds.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets or sets the longest delay between two attempts.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the retry budget: retries may add at most this share of the source's calls over
    /// <see cref="BudgetWindow"/> (plus <see cref="MinRetriesPerSecond"/>), so retries cannot multiply load during an
    /// outage (as Envoy's and Linkerd's retry budgets do).
    /// </summary>
    /// <value>Defaults to 0.2 (20 %).</value>
    public double BudgetRatio { get; set; } = 0.2;

    /// <summary>Gets or sets the retries per second always allowed, so a quiet source can still retry.</summary>
    /// <value>Defaults to 3.</value>
    public int MinRetriesPerSecond { get; set; } = 3;

    /// <summary>Gets or sets the sliding window the budget is counted over.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan BudgetWindow { get; set; } = TimeSpan.FromSeconds(10);
}
