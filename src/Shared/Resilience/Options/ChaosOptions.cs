namespace Bff.Resilience.Options;

/// <summary>
/// Fault injection for one source, bound from <c>Bff:Sources:{name}:Chaos</c>, for tests and drills only. Injected
/// faults happen inside the resilience strategies, so retries, timeouts and the circuit breaker react to them as they
/// would to real ones. Off unless <see cref="Enabled"/>; the host logs a warning at start-up when it is on.
/// </summary>
public sealed class ChaosOptions
{
    /// <summary>Gets or sets a value indicating whether faults are injected into this source's calls.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool Enabled { get; set; }

    /// <summary>Gets or sets the share of attempts that fail as if the service dropped the connection (<c>DOWNSTREAM_UNAVAILABLE</c>).</summary>
    /// <value>Defaults to 0.</value>
    public double FaultRate { get; set; }

    /// <summary>Gets or sets the share of attempts delayed by <see cref="Latency"/> before they are sent.</summary>
    /// <value>Defaults to 0.</value>
    public double LatencyRate { get; set; }

    /// <summary>Gets or sets the delay injected into attempts picked by <see cref="LatencyRate"/>.</summary>
    /// <value>Defaults to zero.</value>
    public TimeSpan Latency { get; set; }

    /// <summary>Gets or sets the share of attempts answered with <see cref="OutcomeStatus"/> instead of being sent (<c>DOWNSTREAM_ERROR</c>).</summary>
    /// <value>Defaults to 0.</value>
    public double OutcomeRate { get; set; }

    /// <summary>Gets or sets the status of injected answers: an HTTP status (<c>503</c>) or a gRPC status name (<c>Unavailable</c>).</summary>
    /// <value>Defaults to <c>503</c>.</value>
    public string OutcomeStatus { get; set; } = "503";
}
