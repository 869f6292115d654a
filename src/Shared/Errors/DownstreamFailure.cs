namespace Bff;

/// <summary>
/// A failed downstream call, as a field error (<c>DOWNSTREAM_TIMEOUT</c>, <c>DOWNSTREAM_UNAVAILABLE</c>,
/// <c>DOWNSTREAM_ERROR</c>, <c>CIRCUIT_OPEN</c>) that also tells the resilience pipeline whether the failure is
/// worth a retry and whether the request reached the service at all. Built by <see cref="DownstreamErrors"/>.
/// </summary>
public sealed class DownstreamFailure : BffError
{
    /// <summary>Creates the failure of a call to <paramref name="source"/>.</summary>
    public DownstreamFailure(string code, string message, string source, IReadOnlyDictionary<string, object?> extensions, bool transient, bool requestSent)
        : base(code, message, extensions)
    {
        SourceName = source;
        Transient = transient;
        RequestSent = requestSent;
    }

    /// <summary>Gets the source the call was made to.</summary>
    public string SourceName { get; }

    /// <summary>
    /// Gets a value indicating whether the failure is the service's or the network's (a timeout, a refused connection,
    /// a 5xx, gRPC <c>UNAVAILABLE</c>): such failures count against the source's circuit and may be retried.
    /// A <see langword="false"/> value means the request itself was refused (4xx, bad input).
    /// </summary>
    public bool Transient { get; }

    /// <summary>
    /// Gets a value indicating whether the request may have reached the service. When <see langword="false"/>
    /// (the connection was refused), even a call that is not idempotent can be retried safely.
    /// </summary>
    public bool RequestSent { get; }

    /// <summary>Gets how many attempts were made before the call failed (0 when it was short-circuited).</summary>
    public int Attempts { get; internal set; } = 1;
}
