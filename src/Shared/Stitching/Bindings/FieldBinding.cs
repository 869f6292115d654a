using System.Diagnostics.CodeAnalysis;

namespace Bff.Stitching.Bindings;

/// <summary>
/// A GraphQL field bound to a downstream call, read from its directive in the SDL. Each protocol derives its own
/// binding with the arguments of its directive.
/// </summary>
public abstract class FieldBinding
{
    /// <summary>Creates a binding whose members are set by object initializers.</summary>
    protected FieldBinding()
    {
    }

    /// <summary>Creates a binding with the arguments every binding directive has.</summary>
    [SetsRequiredMembers]
    protected FieldBinding(BindingHeader common)
    {
        ArgumentNullException.ThrowIfNull(common);
        (Source, TypeName, FieldName) = (common.Source, common.TypeName, common.FieldName);
        (Select, BatchKey, MatchOn, Pick, Cache) = (common.Select, common.BatchKey, common.MatchOn, common.Pick, common.Cache);
    }

    /// <summary>Gets the kind of source the binding calls; its protocol is found by it.</summary>
    public abstract SourceKind Kind { get; }

    /// <summary>Gets or sets the name of the source (a key of <c>Bff:Sources</c>).</summary>
    public required string Source { get; init; }

    /// <summary>Gets or sets the GraphQL type that declares the field.</summary>
    public required string TypeName { get; init; }

    /// <summary>Gets or sets the bound field.</summary>
    public required string FieldName { get; init; }

    /// <summary>Gets or sets the path into the response whose value becomes the field's value.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];

    /// <summary>
    /// Gets or sets the key of each parent for a batched field (<c>{parent.jobId}</c>); when set, all parents of one
    /// request are resolved with one call carrying <c>{keys}</c>.
    /// </summary>
    public ValueTemplate? BatchKey { get; init; }

    /// <summary>Gets or sets the property path of each response item that is matched against the batch key.</summary>
    public IReadOnlyList<string> MatchOn { get; init; } = ["id"];

    /// <summary>Gets or sets the path of the value taken from each matched item of a batched call (empty: the item).</summary>
    public IReadOnlyList<string> Pick { get; init; } = [];

    /// <summary>Gets or sets the cache policy declared with <c>@cache</c>, or <see langword="null"/> when the call is not cached.</summary>
    public CachePolicy? Cache { get; init; }

    /// <summary>
    /// Gets the contract's name of the operation called (OpenAPI <c>operationId</c>, else <c>METHOD /path</c>; gRPC
    /// <c>package.Service/Method</c>), set when the binding is checked against its contract; credentials are restricted by it.
    /// </summary>
    public string? ContractOperation { get; internal set; }

    /// <summary>
    /// Gets a value indicating whether the call may be sent again after a failure (safe or idempotent), decided by its
    /// protocol when the binding is checked against its contract.
    /// </summary>
    public bool Idempotent { get; internal set; }

    /// <summary>
    /// Gets or sets the most messages a list field collects from a streaming call before the stream is cancelled
    /// (<c>take</c>); <see langword="null"/> when the binding does not collect a stream.
    /// </summary>
    public int? Take { get; init; }

    /// <summary>
    /// Gets a value indicating whether the call is a stream of messages (a server-streaming gRPC method) rather than one
    /// answer, decided by its protocol when the binding is checked against its contract.
    /// </summary>
    public bool Streams { get; internal set; }

    /// <summary>Gets the field's coordinate, <c>Type.field</c>.</summary>
    public string Coordinate => $"{TypeName}.{FieldName}";

    /// <summary>Gets every template of the binding.</summary>
    public abstract IEnumerable<ValueTemplate> Templates { get; }

    /// <summary>Gets a short description of the call for logs and diagnostics.</summary>
    public abstract string Operation { get; }
}
