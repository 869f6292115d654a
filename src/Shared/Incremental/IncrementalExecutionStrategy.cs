using System.Collections;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQL.Types;
using GraphQLParser;
using GraphQLParser.AST;

namespace Bff.Incremental;

/// <summary>
/// GraphQL.NET's parallel execution with incremental delivery. Fields under an active <c>@defer</c> are left out of the
/// tree being executed and run as a part of their own, below the object already resolved (its resolver, and so its
/// downstream call, never runs again); list items past <c>@stream</c>'s <c>initialCount</c> likewise. A part starts as
/// soon as its parent object is resolved, concurrently with everything else, and is handed to
/// <see cref="IncrementalDelivery"/> when done. One instance per operation.
/// </summary>
internal sealed partial class IncrementalExecutionStrategy(IncrementalDelivery delivery) : ParallelExecutionStrategy
{
    // The deferrals found by the node completion in progress on this flow; a list's items share their list's, so the
    // items of one list run as one part and their batched fields still make one downstream call.
    private static readonly AsyncLocal<List<Deferral>?> Found = new();

    // The object whose fields SetSubFieldNodes collects for execution. Only then is a deferred fragment left out: a
    // resolver's look-ahead (a remote GraphQL source building its query) still sees it, so the parent's one downstream
    // call fetches the deferred fields too and the part reads them from the object already resolved.
    [ThreadStatic]
    private static ObjectExecutionNode? t_collecting;

    private ExecutionContext? _operation;

    /// <inheritdoc />
    protected override RootExecutionNode BuildExecutionRootNode(ExecutionContext context, IObjectGraphType rootType)
    {
        _operation = context;
        var (previous, found) = (Found.Value, new List<Deferral>());
        Found.Value = found;
        try
        {
            return base.BuildExecutionRootNode(context, rootType);
        }
        finally
        {
            Found.Value = previous;
            Start(found);
        }
    }

    /// <inheritdoc />
    protected override void SetSubFieldNodes(ExecutionContext context, ObjectExecutionNode parent)
    {
        var previous = t_collecting;
        t_collecting = parent;
        try
        {
            base.SetSubFieldNodes(context, parent);
        }
        finally
        {
            t_collecting = previous;
        }
    }

    /// <inheritdoc />
    protected override bool ShouldIncludeNode<TASTNode>(ExecutionContext context, TASTNode node)
    {
        if (!base.ShouldIncludeNode(context, node))
        {
            return false;
        }

        if (t_collecting is not { } parent || node is not (GraphQLInlineFragment or GraphQLFragmentSpread)
            || IncrementalDirectives.DeferLabel(context, node) is not { } label)
        {
            return true;
        }

        (GraphQLName? Condition, GraphQLSelectionSet? Selection) deferred = node switch
        {
            GraphQLInlineFragment inline => (inline.TypeCondition?.Type.Name, inline.SelectionSet),
            GraphQLFragmentSpread spread when context.Document.FindFragmentDefinition(spread.FragmentName.Name) is { } fragment =>
                (fragment.TypeCondition.Type.Name, fragment.SelectionSet),
            _ => (null, null),
        };
        if (deferred is { Selection: { } selection, Condition: var condition }
            && (condition is null || DoesFragmentConditionMatch(context, condition.Value, parent.GetObjectGraphType(context.Schema) ?? parent.GraphType)))
        {
            Enlist(new DeferredFragment(node, label, parent, selection));
        }

        return false;
    }

    /// <inheritdoc />
    protected override Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        // Only the list the field returns streams, not the lists nested in its items.
        if (parent.IndexInParentNode is null && parent.Field is { } field && parent.Result is IEnumerable list and not string
            && IncrementalDirectives.StreamOf(context, field) is { } stream)
        {
            var items = list.Cast<object?>().ToList();
            if (items.Count > stream.InitialCount)
            {
                parent.Result = items.GetRange(0, stream.InitialCount);
                var itemType = ((ListGraphType)parent.GraphType).ResolvedType!;
                Enlist(new StreamedList(field, stream.Label, parent, itemType, items.GetRange(stream.InitialCount, items.Count - stream.InitialCount), stream.InitialCount));
            }
        }

        return base.SetArrayItemNodesAsync(context, parent);
    }

    /// <inheritdoc />
    protected override async Task CompleteNodeAsync(ExecutionContext context, ExecutionNode node)
    {
        if (node is ValueExecutionNode || (node.Parent is ArrayExecutionNode && Found.Value is not null))
        {
            await base.CompleteNodeAsync(context, node).ConfigureAwait(false);
            return;
        }

        var (previous, found) = (Found.Value, new List<Deferral>());
        Found.Value = found;
        try
        {
            await base.CompleteNodeAsync(context, node).ConfigureAwait(false);
        }
        finally
        {
            Found.Value = previous;
            Start(found);
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteNodeAsync(ExecutionContext context, ExecutionNode node) =>
        node is IDeferredNode ? Task.CompletedTask : base.ExecuteNodeAsync(context, node);

    private void Enlist(Deferral deferral)
    {
        if (Found.Value is { } found)
        {
            found.Add(deferral);
        }
        else
        {
            Start([deferral]);
        }
    }
}
