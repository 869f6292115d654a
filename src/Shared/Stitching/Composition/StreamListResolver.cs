using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>
/// Resolves a list field bound to a streaming call with <c>take: N</c>: opens the stream (through the source's breaker
/// and opening deadline), collects the <c>select</c>ed part of up to N messages, then cancels the stream. Collecting
/// must end within the source's <c>Timeout</c>, else the field fails with <c>DOWNSTREAM_TIMEOUT</c>.
/// </summary>
internal sealed class StreamListResolver : IBoundFieldResolver
{
    private readonly FieldType _field;
    private readonly DownstreamDispatcher _dispatcher;
    private readonly TimeSpan _timeout;
    private readonly IReadOnlyList<ArgumentRange> _ranges;

    public StreamListResolver(FieldBinding binding, FieldType field, DownstreamDispatcher dispatcher, TimeSpan timeout)
    {
        (Binding, _field, _dispatcher, _timeout) = (binding, field, dispatcher, timeout);
        _ranges = ArgumentRange.Read(field);
        ResponseSource.Mark(field, binding.Source);
    }

    public FieldBinding Binding { get; }

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var request = BffRequestContext.From(context);
        var (scope, _, _) = BindingScopes.For(context, _field, _ranges);
        using var deadline = new CancellationTokenSource(_timeout, _dispatcher.Time);
        using var collecting = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, deadline.Token);
        var items = new JsonArray();
        try
        {
            var stream = await _dispatcher.OpenStreamAsync(Binding, scope, request, collecting.Token, context.CancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var message in stream.ReadAllAsync(collecting.Token).ConfigureAwait(false))
                {
                    items.Add(Binding.Select.Count == 0 ? message : JsonCopy.Of(JsonPath.Get(message, Binding.Select)));
                    if (items.Count >= Binding.Take)
                    {
                        break; // Disposing the stream cancels the call: the source stops sending.
                    }
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw DownstreamErrors.Timeout(Binding.Source, _timeout);
        }

        return ResponseSource.Convert(items, _field.ResolvedType!, Binding.Source);
    }
}
