using System.Runtime.CompilerServices;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>
/// The static cost of each field, read once from the SDL. A field returning an object costs 1, a scalar 0; a field
/// bound to a downstream call that is not batched adds <see cref="LimitOptions.BoundFieldCost"/> (a batched one is
/// one call per request, however many parents). A list multiplies the cost of each item by its length: the value of
/// its page-size argument (<c>first</c>, …) or of its parent connection's, bounded by the argument's <c>@range</c>
/// max, else <see cref="LimitOptions.DefaultListSize"/>.
/// </summary>
public sealed class CostModel
{
    private readonly Dictionary<FieldType, FieldCost> _fields = new(ReferenceEqualityComparer.Instance);

    // The shape of an operation that declares no variables depends on its document alone, and a cached document is
    // one parsed tree shared by every request that sends its text: measured once, kept as long as the tree lives.
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, StrongBox<OperationShape>> _constant = [];

    /// <summary>Reads the cost of every field of <paramref name="schema"/>, whose bound fields are <paramref name="bindings"/>.</summary>
    public CostModel(ISchema schema, IEnumerable<FieldBinding> bindings, LimitOptions options)
    {
        Schema = schema;
        Options = options;
        var bound = bindings.ToDictionary(b => b.Coordinate, StringComparer.Ordinal);
        foreach (var type in schema.AllTypes.OfType<IComplexGraphType>())
        {
            foreach (var field in type.Fields)
            {
                var binding = bound.GetValueOrDefault($"{type.Name}.{field.Name}");
                var bindingCost = binding is null ? 0 : binding.BatchKey is null ? options.BoundFieldCost : 1;
                var pageSize = (field.Arguments ?? []).FirstOrDefault(a => options.EffectivePageSizeArguments.Contains(a.Name, StringComparer.Ordinal));
                var max = pageSize is null ? null : ArgumentRange.Read(field).FirstOrDefault(r => r.Argument == pageSize.Name)?.Max;
                _fields[field] = new FieldCost(bindingCost, pageSize?.Name, pageSize?.DefaultValue is { } d ? Convert.ToDouble(d, System.Globalization.CultureInfo.InvariantCulture) : null, max);
            }
        }
    }

    /// <summary>Gets the schema the model prices.</summary>
    public ISchema Schema { get; }

    /// <summary>Gets the limits the model was built with.</summary>
    public LimitOptions Options { get; }

    /// <summary>Gets the cost information of a field (an unknown field, e.g. a meta field, costs nothing extra).</summary>
    public FieldCost Of(FieldType field) => _fields.GetValueOrDefault(field) ?? FieldCost.None;

    /// <summary>
    /// Measures <paramref name="operation"/> of <paramref name="document"/> with <paramref name="variables"/>. An
    /// operation that declares no variables is measured once and its shape reused (see <see cref="TryGetConstant"/>).
    /// </summary>
    internal OperationShape Measure(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation, IReadOnlyDictionary<string, object?>? variables)
    {
        var constant = operation.Variables is not { Items.Count: > 0 } && ReferenceEquals(schema, Schema);
        if (constant && _constant.TryGetValue(operation, out var known))
        {
            return known.Value;
        }

        var shape = new OperationAnalyzer(schema, document, this, variables).Measure(operation);
        if (constant)
        {
            _constant.AddOrUpdate(operation, new StrongBox<OperationShape>(shape));
        }

        return shape;
    }

    /// <summary>Gets the shape of <paramref name="operation"/> when it was measured before and cannot change (it declares no variables).</summary>
    internal bool TryGetConstant(GraphQLOperationDefinition operation, out OperationShape shape)
    {
        var found = _constant.TryGetValue(operation, out var known);
        shape = found ? known!.Value : default;
        return found;
    }
}

/// <summary>The static cost information of one field.</summary>
/// <param name="BindingCost">The cost of the field's own downstream call.</param>
/// <param name="PageSizeArgument">The argument that gives the length of the list it returns or wraps.</param>
/// <param name="DefaultPageSize">The argument's default value.</param>
/// <param name="MaxPageSize">The argument's <c>@range</c> max.</param>
public sealed record FieldCost(int BindingCost, string? PageSizeArgument, double? DefaultPageSize, int? MaxPageSize)
{
    /// <summary>A field with no cost of its own and no page size.</summary>
    public static readonly FieldCost None = new(0, null, null, null);
}
