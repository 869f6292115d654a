namespace Bff.Observability;

/// <summary>What a BFF reports about its own work in responses.</summary>
public sealed class DiagnosticsOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether each response carries <c>extensions.downstream</c>:
    /// one entry per downstream call made for the request (source, operation, duration, batch size).
    /// </summary>
    /// <value>Defaults to <see langword="false"/>: it reveals internal topology, so turn it on in development only.</value>
    public bool DownstreamCalls { get; set; }
}
