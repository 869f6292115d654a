using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Bff.Incremental;

/// <summary>A node that starts a part delivered later: its own sub-tree is executed apart from the initial answer.</summary>
internal interface IDeferredNode
{
    /// <summary>Gets the part the node's data is delivered in.</summary>
    IncrementalPart Part { get; }

    /// <summary>Gets the node of the enclosing answer this one hangs under (the fragment's object, or the streamed list).</summary>
    ExecutionNode Anchor { get; }
}

/// <summary>
/// The object of a deferred fragment: the already-resolved object of the enclosing answer (same path, same value, so
/// its resolver is never run again) with only the fragment's selection below it.
/// </summary>
internal sealed class DeferredObjectNode(ObjectExecutionNode anchor, GraphQLSelectionSet selection, IncrementalPart part)
    : ObjectExecutionNode(anchor.Parent, anchor.GraphType, anchor.Field, anchor.FieldDefinition, anchor.IndexInParentNode), IDeferredNode
{
    public override GraphQLSelectionSet? SelectionSet => selection;

    public IncrementalPart Part => part;

    public ExecutionNode Anchor => anchor;
}

/// <summary>A fragment deferred on the operation's root type: the root with only the fragment's selection.</summary>
internal sealed class DeferredRootNode(RootExecutionNode anchor, GraphQLSelectionSet selection, IncrementalPart part)
    : RootExecutionNode((IObjectGraphType)anchor.GraphType, selection), IDeferredNode
{
    public IncrementalPart Part => part;

    public ExecutionNode Anchor => anchor;
}

/// <summary>An object item of a streamed list, past the list's initial count.</summary>
internal sealed class StreamedItemNode(ArrayExecutionNode list, IGraphType itemType, int index, IncrementalPart part)
    : ObjectExecutionNode(list, itemType, list.Field, list.FieldDefinition, index), IDeferredNode
{
    public IncrementalPart Part => part;

    public ExecutionNode Anchor => list;
}

/// <summary>The root of one part's execution: its children are the part's deferred objects or streamed items.</summary>
internal sealed class PartRootNode : RootExecutionNode
{
    public PartRootNode(IObjectGraphType type, ExecutionNode[] nodes)
        : base(type, null) => SubFields = nodes;
}
