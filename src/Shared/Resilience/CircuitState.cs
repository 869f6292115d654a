namespace Bff.Resilience;

/// <summary>The state of a source's circuit, as <c>GET /health/ready</c> reports it.</summary>
public enum SourceCircuitState
{
    /// <summary>Calls flow.</summary>
    Closed,

    /// <summary>Calls fail at once with <c>CIRCUIT_OPEN</c>; the source receives nothing.</summary>
    Open,

    /// <summary>The break is over: the next call is a trial whose result closes or reopens the circuit.</summary>
    HalfOpen,
}

/// <summary>Names of <see cref="SourceCircuitState"/> values as they appear in JSON.</summary>
public static class SourceCircuitStateNames
{
    /// <summary>Gets <c>closed</c>, <c>open</c> or <c>half-open</c>.</summary>
    public static string ToName(this SourceCircuitState state) => state switch
    {
        SourceCircuitState.Open => "open",
        SourceCircuitState.HalfOpen => "half-open",
        _ => "closed",
    };
}
