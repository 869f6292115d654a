using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>
/// The source stream of a <c>Subscription</c> field bound to a streaming call: arguments and claims are evaluated at
/// subscribe time, the downstream stream is opened when the subscription is subscribed to and cancelled when it is
/// disposed; each message (its <c>select</c>ed part) is one event.
/// </summary>
internal sealed class SubscriptionStreamResolver(FieldBinding binding, FieldType field, DownstreamDispatcher dispatcher, ResubscribeOptions resubscribe)
    : ISourceStreamResolver
{
    private readonly IReadOnlyList<ArgumentRange> _ranges = ArgumentRange.Read(field);

    public ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
    {
        var request = BffRequestContext.From(context);
        var (scope, _, _) = BindingScopes.For(context, field, _ranges);
        return ValueTask.FromResult<IObservable<object?>>(dispatcher.Subscribe(binding, scope, request, resubscribe));
    }
}

/// <summary>
/// Resolves a <c>Subscription</c> field from one event of its stream (GraphQL.NET passes the event as the source):
/// converted to the field's type like the answer of a single call; its child fields then resolve (and batch) as usual.
/// </summary>
internal sealed class SubscriptionEventResolver : IBoundFieldResolver
{
    private readonly FieldType _field;

    public SubscriptionEventResolver(FieldBinding binding, FieldType field)
    {
        (Binding, _field) = (binding, field);
        ResponseSource.Mark(field, binding.Source);
    }

    public FieldBinding Binding { get; }

    public ValueTask<object?> ResolveAsync(IResolveFieldContext context) =>
        ValueTask.FromResult(ResponseSource.Convert(context.Source as JsonNode, _field.ResolvedType!, Binding.Source));
}
