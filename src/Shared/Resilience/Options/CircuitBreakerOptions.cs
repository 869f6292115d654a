namespace Bff.Resilience.Options;

/// <summary>
/// The circuit breaker of one source, bound from <c>Bff:Sources:{name}:Resilience:CircuitBreaker</c>. When at least
/// <see cref="MinimumThroughput"/> attempts were made within <see cref="SamplingDuration"/> and
/// <see cref="FailureRatio"/> of them failed transiently, the circuit opens: calls fail at once with
/// <c>CIRCUIT_OPEN</c> for <see cref="BreakDuration"/>, then one trial call is let through (half-open) and its result
/// closes or reopens the circuit. Polly's own defaults (minimum throughput 100) never trip at modest traffic, so
/// every value is set here.
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Gets or sets the share of failed attempts that opens the circuit, in (0, 1].</summary>
    /// <value>Defaults to 0.5.</value>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Gets or sets how many attempts the sampling window must hold before the circuit may open (at least 2).</summary>
    /// <value>Defaults to 10.</value>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>Gets or sets the sliding window failures are counted over (at least 0.5 s).</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the circuit stays open before a trial call (at least 0.5 s).</summary>
    /// <value>Defaults to 15 seconds.</value>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
