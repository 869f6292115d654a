using System.Diagnostics.CodeAnalysis;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>
/// Several <c>@graphql</c> calls to one source made in one level, sent as one query: each call's root field under the
/// alias <c>_{i}</c>, its variables prefixed the same way. Built per request by <see cref="GraphQLConnector.Merge"/>.
/// </summary>
internal sealed class MergedGraphQLBinding : FieldBinding
{
    [SetsRequiredMembers]
    public MergedGraphQLBinding(IReadOnlyList<(GraphQLBinding Binding, BindingScope Scope)> parts)
    {
        Parts = parts;
        Source = parts[0].Binding.Source;
        (TypeName, FieldName) = ("Merged", string.Join("__", parts.Select(p => $"{p.Binding.TypeName}_{p.Binding.FieldName}").Distinct(StringComparer.Ordinal)));
        Select = ["data"];
        ContractOperation = parts[0].Binding.ContractOperation;
        Idempotent = true;
    }

    /// <summary>Gets the calls merged, in alias order.</summary>
    public IReadOnlyList<(GraphQLBinding Binding, BindingScope Scope)> Parts { get; }

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.GraphQL;

    /// <inheritdoc />
    public override IEnumerable<ValueTemplate> Templates => [];

    /// <inheritdoc />
    public override string Operation => "query " + string.Join(" + ", Parts.Select(p => p.Binding.RemoteField));

    /// <summary>Gets the alias of the <paramref name="index"/>th part.</summary>
    public static string Alias(int index) => "_" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
