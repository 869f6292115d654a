namespace Bff.Protobuf;

/// <summary>An rpc method of a protobuf service.</summary>
public sealed class ProtoMethod
{
    private ProtoMessage? _inputType;
    private ProtoMessage? _outputType;

    internal ProtoMethod(ProtoService service, string name, string inputTypeName, string outputTypeName)
    {
        Service = service;
        Name = name;
        InputTypeName = inputTypeName;
        OutputTypeName = outputTypeName;
    }

    /// <summary>Gets the service that declares the method.</summary>
    public ProtoService Service { get; }

    /// <summary>Gets the method name (e.g. <c>ListProposals</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the binding name: <c>package.Service/Method</c>.</summary>
    public string FullName => $"{Service.FullName}/{Name}";

    /// <summary>Gets the HTTP/2 path of the call: <c>/package.Service/Method</c>.</summary>
    public string Path => $"/{FullName}";

    /// <summary>Gets the request type as written.</summary>
    public string InputTypeName { get; }

    /// <summary>Gets the response type as written.</summary>
    public string OutputTypeName { get; }

    /// <summary>Gets the request message (resolved by a <see cref="ProtoSchemaSet"/>).</summary>
    public ProtoMessage InputType
    {
        get => _inputType ?? throw NotResolved();
        internal set => _inputType = value;
    }

    /// <summary>Gets the response message (resolved by a <see cref="ProtoSchemaSet"/>).</summary>
    public ProtoMessage OutputType
    {
        get => _outputType ?? throw NotResolved();
        internal set => _outputType = value;
    }

    /// <summary>Gets a value indicating whether the client streams requests (<c>stream</c> on the input).</summary>
    public bool ClientStreaming { get; internal init; }

    /// <summary>Gets a value indicating whether the server streams responses (<c>stream</c> on the output).</summary>
    public bool ServerStreaming { get; internal init; }

    /// <summary>Gets a value indicating whether this is a unary call, the only kind the gateway invokes.</summary>
    public bool IsUnary => !ClientStreaming && !ServerStreaming;

    /// <summary>Gets the declared <c>idempotency_level</c>.</summary>
    public ProtoIdempotencyLevel IdempotencyLevel { get; internal set; }

    /// <summary>Gets a value indicating whether the method is declared <c>NO_SIDE_EFFECTS</c> or <c>IDEMPOTENT</c> (safe to retry).</summary>
    public bool IsIdempotent => IdempotencyLevel != ProtoIdempotencyLevel.Unknown;

    /// <inheritdoc />
    public override string ToString() => FullName;

    private InvalidOperationException NotResolved() =>
        new($"The types of '{FullName}' are not resolved: load its file through a {nameof(ProtoSchemaSet)}.");
}
