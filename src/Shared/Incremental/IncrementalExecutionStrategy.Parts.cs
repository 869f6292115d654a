using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQL.Instrumentation;
using GraphQL.Types;

namespace Bff.Incremental;

/// <summary>Runs the parts: each with its own errors, below the nodes already resolved, nested parts after their parent.</summary>
internal sealed partial class IncrementalExecutionStrategy
{
    private void Start(List<Deferral> found)
    {
        foreach (var group in found.GroupBy(d => d.Key))
        {
            var deferrals = group.ToList();
            var part = delivery.Begin(Enclosing(deferrals[0].Anchor));
            delivery.Track(Task.Run(() => RunAsync(part, deferrals)));
        }
    }

    private static IncrementalPart? Enclosing(ExecutionNode? node)
    {
        for (; node is not null; node = node.Parent)
        {
            if (node is IDeferredNode deferred)
            {
                return deferred.Part;
            }
        }

        return null;
    }

    private async Task RunAsync(IncrementalPart part, List<Deferral> deferrals)
    {
        Found.Value = null;
        var operation = _operation!;
        // Its own errors, so a part's errors (and its null bubbling) stay in its own payload.
        using var context = new ExecutionContext(operation) { Errors = [], OutputExtensions = [], Metrics = Metrics.None };
        try
        {
            var nodes = new List<(Deferral Deferral, ExecutionNode[] Nodes)>(deferrals.Count);
            var (previous, found) = (Found.Value, new List<Deferral>());
            Found.Value = found;
            try
            {
                foreach (var deferral in deferrals)
                {
                    nodes.Add((deferral, await CreateNodesAsync(context, deferral, part).ConfigureAwait(false)));
                }
            }
            finally
            {
                Found.Value = previous;
                Start(found);
            }

            await ExecuteNodeTreeAsync(context, new PartRootNode(operation.Schema.Query, [.. nodes.SelectMany(n => n.Nodes)])).ConfigureAwait(false);
            foreach (var (deferral, executed) in nodes)
            {
                part.Items.Add(Item(deferral, executed));
            }

            Place(context.Errors, part.Items);
        }
        catch (Exception ex)
        {
            if (ex is not OperationCanceledException)
            {
                // Logged like any unexpected execution failure (the endpoint's handler); the client sees only a code.
                await operation.UnhandledExceptionDelegate(new UnhandledExceptionContext(context, null, ex)).ConfigureAwait(false);
            }

            // The request's budget ran out (or the client left), or the part failed: each entry says so, with no data.
            part.Items.Clear();
            var error = ex is OperationCanceledException ? IncrementalDelivery.TimedOut() : new BffError(ErrorCodes.InternalServerError, "This part could not be completed.");
            foreach (var deferral in deferrals)
            {
                var item = Item(deferral, []);
                item.Errors.Add(error);
                part.Items.Add(item);
            }
        }

        await delivery.FinishAsync(part).ConfigureAwait(false);
    }

    private async Task<ExecutionNode[]> CreateNodesAsync(ExecutionContext context, Deferral deferral, IncrementalPart part)
    {
        if (deferral is DeferredFragment fragment)
        {
            ObjectExecutionNode node = fragment.Parent is RootExecutionNode root
                ? new DeferredRootNode(root, fragment.Selection, part)
                : new DeferredObjectNode(fragment.Parent, fragment.Selection, part);
            node.Result = fragment.Parent.Result;
            SetSubFieldNodes(context, node);
            return [node];
        }

        var stream = (StreamedList)deferral;
        var itemType = stream.ItemType is NonNullGraphType nonNull ? nonNull.ResolvedType! : stream.ItemType;
        var items = new ExecutionNode[stream.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var index = stream.Start + i;
            var item = itemType is IComplexGraphType
                ? new StreamedItemNode(stream.List, itemType, index, part)
                : BuildExecutionNode(stream.List, itemType, stream.List.Field, stream.List.FieldDefinition, index);
            item.Result = stream.Items[i];
            if (item.Result is not IDataLoaderResult)
            {
                await CompleteNodeAsync(context, item).ConfigureAwait(false);
            }

            items[i] = item;
        }

        return items;
    }

    private static IncrementalItem Item(Deferral deferral, ExecutionNode[] nodes)
    {
        if (deferral is DeferredFragment fragment)
        {
            var data = nodes is [var node] && !node.PropagateNull() ? node.ToValue() : null;
            return new IncrementalItem(fragment.Parent, [.. fragment.Parent.ResponsePath], deferral.Label, data, IsStream: false);
        }

        var stream = (StreamedList)deferral;
        var values = nodes.Select(n => n.PropagateNull() ? null : n.ToValue()).ToArray();
        // A null in a list of non-null items nulls the items of the part (the list itself was sent already).
        var items = nodes.Length == 0 || (stream.ItemType is NonNullGraphType && values.Any(v => v is null)) ? null : values;
        return new IncrementalItem(stream.List, [.. stream.List.ResponsePath, stream.Start], deferral.Label, items, IsStream: true);
    }

    // Each error goes to the entry whose path it is under (entries of one part are at different parents).
    private static void Place(ExecutionErrors errors, List<IncrementalItem> items)
    {
        foreach (var error in errors)
        {
            var path = error.Path?.ToList() ?? [];
            var owner = items.Find(i => Under(path, i.IsStream ? i.Path.Take(i.Path.Count - 1).ToList() : i.Path)) ?? items[0];
            owner.Errors.Add(error);
        }
    }

    private static bool Under(List<object> path, IReadOnlyList<object> prefix) =>
        path.Count >= prefix.Count && prefix.Select((step, i) => Equals(step, path[i])).All(same => same);
}
