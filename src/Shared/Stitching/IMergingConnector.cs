using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching;

/// <summary>
/// A connector whose calls to its source made in one level of the tree can travel as one request (a remote GraphQL
/// service answers several root fields, aliased, in one operation). Calls that are not merged are sent as usual.
/// </summary>
public interface IMergingConnector
{
    /// <summary>
    /// Gets what calls of <paramref name="binding"/> must share to go in one request (e.g. the credentials they carry),
    /// or <see langword="null"/> when they always go alone (a mutation, a cached call).
    /// </summary>
    string? MergeKey(FieldBinding binding);

    /// <summary>Combines <paramref name="calls"/> (two or more, of one merge key) into the one call that makes them all.</summary>
    MergedCall Merge(IReadOnlyList<(FieldBinding Binding, BindingScope Scope)> calls);
}

/// <summary>The one call that makes several: its binding and scope, and where each call's answer lies in its answer.</summary>
/// <param name="Binding">The combined call (uncached, its <see cref="FieldBinding.Select"/> the combined answer).</param>
/// <param name="Scope">Its template values.</param>
/// <param name="Parts">
/// For each call, in order, its path in the combined answer; the first steps of the paths differ, so an error reported
/// under one of them belongs to that call alone.
/// </param>
public sealed record MergedCall(FieldBinding Binding, BindingScope Scope, IReadOnlyList<IReadOnlyList<string>> Parts);
