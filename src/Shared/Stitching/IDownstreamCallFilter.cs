using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching;

/// <summary>One downstream call on its way through the filters to its connector.</summary>
/// <param name="Binding">The binding being resolved.</param>
/// <param name="Scope">The template values of the call.</param>
/// <param name="Request">The GraphQL request the call serves.</param>
/// <param name="BatchSize">How many parents the call serves.</param>
/// <param name="Kind">The connector's protocol (<c>rest</c>, <c>grpc</c>).</param>
/// <param name="Deadline">
/// When this attempt must be over (set by the resilience filter from the attempt timeout and what is left of the
/// source's and the request's budgets); the gRPC connector sends it as the call's deadline.
/// </param>
public sealed record DownstreamCall(FieldBinding Binding, BindingScope Scope, BffRequestContext Request, int BatchSize, string Kind, DateTimeOffset? Deadline = null)
{
    /// <summary>
    /// Gets the lifetime of the stream this call opens, or <see langword="null"/> for a call with one answer. Set, the
    /// connector opens a stream (<see cref="IStreamingConnector"/>) and answers with <see cref="DownstreamResponse.Stream"/>;
    /// the filters' deadlines then bound the opening only, and cancelling this token ends the stream.
    /// </summary>
    public CancellationToken? StreamLifetime { get; init; }

    /// <summary>Gets the time left until <see cref="Deadline"/> (at least 1 ms), or <see langword="null"/> when there is none.</summary>
    public TimeSpan? TimeLeft(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return Deadline is { } deadline ? TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (deadline - time.GetUtcNow()).Ticks)) : null;
    }
}

/// <summary>The rest of the filter chain, ending at the connector.</summary>
public delegate Task<DownstreamResponse> DownstreamCallDelegate(DownstreamCall call, CancellationToken cancellationToken);

/// <summary>
/// A policy wrapped around every downstream call (caching, resilience, …). Filters are registered in DI and run in
/// <see cref="Order"/>, lowest first (outermost). A filter may answer without calling <c>next</c> (a cache hit, an
/// open circuit); it reports failures as <see cref="BffError"/>s with a <c>DOWNSTREAM_*</c> or its own code.
/// </summary>
public interface IDownstreamCallFilter
{
    /// <summary>Gets the position of the filter; lower runs first.</summary>
    int Order { get; }

    /// <summary>Runs the filter around <paramref name="next"/>.</summary>
    Task<DownstreamResponse> InvokeAsync(DownstreamCall call, DownstreamCallDelegate next, CancellationToken cancellationToken);
}
