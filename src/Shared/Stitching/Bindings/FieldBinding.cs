namespace Bff.Stitching.Bindings;

/// <summary>
/// A GraphQL field bound to a downstream call, read from its directive in the SDL.
/// </summary>
public abstract class FieldBinding
{
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
    public Caching.CachePolicy? Cache { get; init; }

    /// <summary>
    /// Gets the contract's name of the operation called (OpenAPI <c>operationId</c>, else <c>METHOD /path</c>; gRPC
    /// <c>package.Service/Method</c>), set when the binding is checked against its contract; credentials are restricted by it.
    /// </summary>
    public string? ContractOperation { get; internal set; }

    /// <summary>Gets the field's coordinate, <c>Type.field</c>.</summary>
    public string Coordinate => $"{TypeName}.{FieldName}";

    /// <summary>Gets every template of the binding.</summary>
    public abstract IEnumerable<ValueTemplate> Templates { get; }

    /// <summary>Gets a short description of the call for logs and diagnostics.</summary>
    public abstract string Operation { get; }
}

/// <summary>A field bound to a REST call with <c>@rest</c>.</summary>
public sealed class RestBinding : FieldBinding
{
    /// <summary>Gets or sets the HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets or sets the path template, without the query string.</summary>
    public required ValueTemplate Path { get; init; }

    /// <summary>Gets or sets the query parameters; one whose value is null is left out.</summary>
    public IReadOnlyList<KeyValuePair<string, ValueTemplate>> Query { get; init; } = [];

    /// <summary>Gets or sets the request headers built for the call.</summary>
    public ObjectMapping Headers { get; init; } = ObjectMapping.Empty;

    /// <summary>Gets or sets the JSON body, for methods that carry one.</summary>
    public ObjectMapping Body { get; init; } = ObjectMapping.Empty;

    /// <summary>
    /// Gets how each parameter is written into the URL, by <c>query:{name}</c> and <c>path:{placeholder}</c>, from the
    /// contract's <c>style</c> and <c>explode</c>; set when the binding is checked against its contract.
    /// </summary>
    public Dictionary<string, ParameterSerialization> Serialization { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override IEnumerable<ValueTemplate> Templates =>
        new[] { Path }.Concat(Query.Select(q => q.Value)).Concat(Headers.Templates).Concat(Body.Templates)
            .Concat(BatchKey is null ? [] : [BatchKey]);

    /// <inheritdoc />
    public override string Operation => $"{Method} {Path.Text}";
}

/// <summary>A field bound to a gRPC unary call with <c>@grpc</c>.</summary>
public sealed class GrpcBinding : FieldBinding
{
    /// <summary>Gets or sets the method, <c>package.Service/Method</c>.</summary>
    public required string Method { get; init; }

    /// <summary>Gets or sets how the request message is built.</summary>
    public ObjectMapping Request { get; init; } = ObjectMapping.Empty;

    /// <inheritdoc />
    public override IEnumerable<ValueTemplate> Templates =>
        Request.Templates.Concat(BatchKey is null ? [] : [BatchKey]);

    /// <inheritdoc />
    public override string Operation => Method;
}
