using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using GraphQL;

namespace Bff.Stitching.Batching;

/// <summary>
/// The open <see cref="MergeGroup"/> of each source and merge key of one operation (a request feature). A group takes
/// the calls of one level; once sent, the next call opens a new group (the next level).
/// </summary>
public sealed class MergedCalls
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MergeGroup> _open = new(StringComparer.Ordinal);

    /// <summary>Adds a part to the open group of <paramref name="key"/>, opening one if there is none or it was sent.</summary>
    /// <param name="key">The source and merge key (see <see cref="DownstreamDispatcher.MergeKey"/>).</param>
    /// <param name="dispatcher">Sends the group.</param>
    /// <param name="request">The operation the calls serve.</param>
    /// <param name="binding">The binding of the part's calls.</param>
    /// <param name="calls">Gets the part's calls when the group is sent: a batch's keys are all known by then.</param>
    public MergePart Add(string key, DownstreamDispatcher dispatcher, BffRequestContext request, FieldBinding binding,
        Func<IReadOnlyList<(BindingScope Scope, int BatchSize)>> calls)
    {
        lock (_gate)
        {
            if (_open.GetValueOrDefault(key)?.TryAdd(binding, calls) is { } part)
            {
                return part;
            }

            var group = _open[key] = new MergeGroup(dispatcher, request);
            return group.TryAdd(binding, calls)!;
        }
    }

    /// <summary>
    /// Gets whether a call that is not batched is worth holding back until the level is resolved: its field is resolved
    /// for several parents (it is inside a list), or a field beside it calls the same source with the same key.
    /// Otherwise it goes at once, as it would alone anyway.
    /// </summary>
    public static bool Worth(IResolveFieldContext context, FieldSelection selection, string key, DownstreamDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(dispatcher);
        if (context.ResponsePath.Any(step => step is int))
        {
            return true;
        }

        var siblings = context.Parent is { } parent ? parent.FieldAst.SelectionSet : context.Operation.SelectionSet;
        return selection.Flatten(siblings).Any(field => !ReferenceEquals(field, context.FieldAst)
            && context.ParentType.GetField(field.Name.StringValue)?.Resolver is IBoundFieldResolver bound
            && dispatcher.MergeKey(bound.Binding) == key);
    }
}
