using System.Text.Json.Nodes;
using Bff.Stitching.Batching;
using Bff.Stitching.Bindings;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Bff.Stitching.Execution;

namespace Bff.Stitching.Composition;

/// <summary>
/// Resolves a bound field: one call, or a batched call through a <see cref="BatchLoader"/>; calls a source can take together
/// (<see cref="IMergingConnector"/>) wait for the level's other calls to it in a <see cref="MergeGroup"/>.
/// </summary>
public sealed class BoundFieldResolver : IBoundFieldResolver
{
    private readonly FieldBinding _binding;
    private readonly FieldType _field;
    private readonly DownstreamDispatcher _dispatcher;
    private readonly int _maxBatchSize;
    private readonly IReadOnlyList<ArgumentRange> _ranges;
    private bool? _rangesBelow; // whether fields below have @range arguments to check (read once the schema is built)

    /// <summary>Creates the resolver of <paramref name="field"/>.</summary>
    public BoundFieldResolver(FieldBinding binding, FieldType field, DownstreamDispatcher dispatcher, int maxBatchSize)
    {
        _binding = binding;
        _field = field;
        _dispatcher = dispatcher;
        _maxBatchSize = maxBatchSize;
        _ranges = ArgumentRange.Read(field);
        ResponseSource.Mark(field, binding.Source);
    }

    /// <inheritdoc />
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var request = BffRequestContext.From(context);
        var (scope, args, selection) = BindingScopes.For(context, _field, _ranges);
        if (_rangesBelow ??= ArgumentRange.AnyBelow(_field.ResolvedType!))
        {
            ArgumentRange.CheckBelow(selection);
        }

        var mergeKey = _dispatcher.MergeKey(_binding);
        if (_binding.BatchKey is null)
        {
            if (mergeKey is not null && MergedCalls.Worth(context, selection, mergeKey, _dispatcher))
            {
                // Held back to the end of the level, so the source gets this call and its neighbours' in one request.
                var part = request.Features.Get<MergedCalls>().Add(mergeKey, _dispatcher, request, _binding, () => [(scope, 1)]);
                return new DeferredResult(async () =>
                {
                    var result = (await part.ResultsAsync(context.CancellationToken).ConfigureAwait(false))[0];
                    return Convert(context, selection, result.Value, result.Errors);
                });
            }

            var (response, errors) = await _dispatcher.SendAsync(_binding, scope, request, 1, context.CancellationToken).ConfigureAwait(false);
            return Convert(context, selection, response, errors);
        }

        var key = JsonPath.AsText(TemplateEvaluator.Evaluate(_binding.BatchKey, scope));
        if (key is null)
        {
            return null;
        }

        // Parents that selected different sub-fields (aliases) ask for different answers, so they are batched apart.
        var loaderKey = _binding.Coordinate + args.ToJsonString() + "@" + selection.Key;
        var loader = request.Features.Get<BatchLoaders>().GetOrAdd(loaderKey, _ => new BatchLoader(
            _binding, _dispatcher, scope with { Parent = null }, request, _maxBatchSize, GraphTypes.IsList(_field.ResolvedType!)) { MergeKey = mergeKey });
        return loader.Load(key, (node, errors) => Convert(context, selection, node, errors), context.CancellationToken);
    }

    /// <inheritdoc />
    public FieldBinding Binding => _binding;

    private object? Convert(IResolveFieldContext context, FieldSelection selection, JsonNode? node, IReadOnlyList<DownstreamFieldError> errors)
    {
        if (errors.Count > 0)
        {
            // The field keeps the data it got; each error the downstream reported is placed under the field.
            lock (context.Errors)
            {
                foreach (var error in errors)
                {
                    context.Errors.Add(new BffError(error.Code, error.Message, error.Extensions) { Path = [.. context.ResponsePath, .. selection.ResponsePathOf(error.Path)] });
                }
            }
        }

        return ResponseSource.Convert(node, _field.ResolvedType!, _binding.Source);
    }
}
