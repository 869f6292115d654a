namespace Bff.Resilience;

/// <summary>
/// The observable circuit of one source: kept up to date by the breaker's state changes, read by the readiness
/// endpoint. An open circuit whose break is over reports <see cref="SourceCircuitState.HalfOpen"/>, since the next
/// call is let through as a trial. Thread-safe.
/// </summary>
public sealed class SourceCircuit
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private SourceCircuitState _state;
    private DateTimeOffset _openUntil;

    /// <summary>Creates the circuit of <paramref name="source"/>, closed.</summary>
    public SourceCircuit(string source, string kind, TimeProvider time)
    {
        Source = source;
        Kind = kind;
        _time = time;
    }

    /// <summary>Gets the source name.</summary>
    public string Source { get; }

    /// <summary>Gets the source's protocol (<c>rest</c>, <c>grpc</c>).</summary>
    public string Kind { get; }

    /// <summary>Gets the current state.</summary>
    public SourceCircuitState State
    {
        get
        {
            lock (_gate)
            {
                return _state == SourceCircuitState.Open && _time.GetUtcNow() >= _openUntil ? SourceCircuitState.HalfOpen : _state;
            }
        }
    }

    internal void Opened(TimeSpan breakDuration)
    {
        lock (_gate)
        {
            _state = SourceCircuitState.Open;
            _openUntil = _time.GetUtcNow() + breakDuration;
        }
    }

    internal void HalfOpened()
    {
        lock (_gate)
        {
            _state = SourceCircuitState.HalfOpen;
        }
    }

    internal void Closed()
    {
        lock (_gate)
        {
            _state = SourceCircuitState.Closed;
        }
    }
}
