using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bff.Observability;

/// <summary>
/// The gateway's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named <c>Bff</c>: add them to your
/// OpenTelemetry tracer and meter providers to see operations and downstream calls.
/// </summary>
public static class BffTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Bff";

    /// <summary>Gets the activity source: one activity per GraphQL operation and per downstream call.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Gets the meter.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Gets the histogram of downstream call durations in milliseconds, tagged by source, kind and outcome.</summary>
    public static Histogram<double> DownstreamDuration { get; } =
        Meter.CreateHistogram<double>("bff.downstream.duration", "ms", "Duration of downstream calls.");

    /// <summary>Gets the counter of GraphQL operations, tagged by HTTP status.</summary>
    public static Counter<long> Operations { get; } =
        Meter.CreateCounter<long>("bff.operations", description: "GraphQL operations handled.");

    /// <summary>
    /// Gets the counter of GraphQL documents parsed: at most one per operation, none for a document served by the
    /// document cache or refused by the token limit.
    /// </summary>
    public static Counter<long> DocumentsParsed { get; } =
        Meter.CreateCounter<long>("bff.documents.parsed", description: "GraphQL documents parsed.");
}
