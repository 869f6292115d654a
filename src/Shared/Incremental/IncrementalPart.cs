using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Bff.Incremental;

/// <summary>One later part of an incremental answer: the deferred fragments (or streamed items) of one place in the document.</summary>
/// <param name="enclosingSent">Completes when the part this one hangs under (or the initial answer) has been sent.</param>
internal sealed class IncrementalPart(Task enclosingSent)
{
    /// <summary>Gets the task that completes once the enclosing part is sent: a part never arrives before its parent's data.</summary>
    public Task EnclosingSent => enclosingSent;

    /// <summary>Gets the signal that this part has been sent (or dropped), which parts nested in it wait for.</summary>
    public TaskCompletionSource Sent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets the part's entries, one per parent object (or streamed list).</summary>
    public List<IncrementalItem> Items { get; } = [];
}

/// <summary>One entry of a part's <c>incremental</c> list.</summary>
/// <param name="Anchor">The node of the enclosing answer the entry's data belongs under.</param>
/// <param name="Path">The entry's <c>path</c>.</param>
/// <param name="Label">The directive's label ("" for none).</param>
/// <param name="Value">The fragment's data, or the streamed items.</param>
/// <param name="IsStream">Whether <see cref="Value"/> is a list of streamed items (<c>items</c>) rather than <c>data</c>.</param>
internal sealed record IncrementalItem(ExecutionNode Anchor, IReadOnlyList<object> Path, string Label, object? Value, bool IsStream)
{
    /// <summary>Gets the errors raised under the entry's path.</summary>
    public List<ExecutionError> Errors { get; } = [];
}

/// <summary>A fragment or list found deferred while a parent's fields were collected.</summary>
/// <param name="Key">The directive's node: deferrals of one node found together run as one part.</param>
/// <param name="Label">The directive's label.</param>
internal abstract record Deferral(ASTNode Key, string Label)
{
    /// <summary>Gets the node of the enclosing answer the deferred data belongs under.</summary>
    public abstract ExecutionNode Anchor { get; }
}

/// <summary>A deferred inline fragment or fragment spread under an already-resolved object.</summary>
internal sealed record DeferredFragment(ASTNode Key, string Label, ObjectExecutionNode Parent, GraphQLSelectionSet Selection) : Deferral(Key, Label)
{
    public override ExecutionNode Anchor => Parent;
}

/// <summary>The items of a streamed list past its initial count.</summary>
internal sealed record StreamedList(ASTNode Key, string Label, ArrayExecutionNode List, IGraphType ItemType, IReadOnlyList<object?> Items, int Start) : Deferral(Key, Label)
{
    public override ExecutionNode Anchor => List;
}
