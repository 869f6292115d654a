using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching;

/// <summary>One downstream call on its way through the filters to its connector.</summary>
/// <param name="Binding">The binding being resolved.</param>
/// <param name="Scope">The template values of the call.</param>
/// <param name="Request">The GraphQL request the call serves.</param>
/// <param name="BatchSize">How many parents the call serves.</param>
/// <param name="Kind">The connector's protocol (<c>rest</c>, <c>grpc</c>).</param>
public sealed record DownstreamCall(FieldBinding Binding, BindingScope Scope, BffRequestContext Request, int BatchSize, string Kind);

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
