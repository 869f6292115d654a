using System.Diagnostics.CodeAnalysis;
using Bff.Stitching.Bindings;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>A field bound to a root field of a remote GraphQL service with <c>@graphql</c>.</summary>
public sealed class GraphQLBinding : FieldBinding
{
    /// <summary>Creates a binding whose members are set by object initializers.</summary>
    public GraphQLBinding()
    {
    }

    /// <summary>
    /// Creates a binding with the arguments every binding directive has and the remote root field; the binding's
    /// <see cref="FieldBinding.Select"/> starts at the response's <c>data.{field}</c>.
    /// </summary>
    [SetsRequiredMembers]
    public GraphQLBinding(BindingHeader common, RemoteOperation operation, string remoteField)
        : base(common with { Select = ["data", remoteField, .. common.Select] })
    {
        RemoteOperation = operation;
        RemoteField = remoteField;
        Below = common.Select;
    }

    /// <summary>Gets or sets whether the remote field is a query or a mutation field (as our field is on Query or Mutation).</summary>
    public required RemoteOperation RemoteOperation { get; init; }

    /// <summary>Gets or sets the remote root field called.</summary>
    public required string RemoteField { get; init; }

    /// <summary>Gets or sets the path below the remote root field whose value becomes the field's (the directive's <c>select</c>).</summary>
    public IReadOnlyList<string> Below { get; init; } = [];

    /// <summary>Gets or sets the arguments of the remote root field, sent as variables.</summary>
    public ObjectMapping Arguments { get; init; } = ObjectMapping.Empty;

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.GraphQL;

    /// <inheritdoc />
    public override IEnumerable<ValueTemplate> Templates => Arguments.Templates.Concat(BatchKey is null ? [] : [BatchKey]);

    /// <inheritdoc />
    public override string Operation => $"{RemoteOperation.ToString().ToLowerInvariant()} {RemoteField}";
}
