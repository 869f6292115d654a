using Bff.Stitching.Contracts;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>The contract of a GraphQL source: its schema, from an SDL file or read by introspection.</summary>
/// <param name="File">The SDL file as configured, or <c>introspection of {address}</c>.</param>
/// <param name="Schema">The remote schema.</param>
internal sealed record GraphQLContract(string File, RemoteSchema Schema) : ISourceContract
{
    /// <summary>Gets the remote types as contract shapes, built once.</summary>
    public RemoteShapes Shapes { get; } = new(Schema);

    /// <inheritdoc />
    public IReadOnlyCollection<string> Operations { get; } =
        new[] { Schema.Root(RemoteOperation.Query), Schema.Root(RemoteOperation.Mutation) }.OfType<RemoteType>()
            .SelectMany(t => t.Fields.Keys.Select(f => $"{t.Name}.{f}")).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders(string operation) => [];
}
