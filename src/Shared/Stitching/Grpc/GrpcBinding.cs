using System.Diagnostics.CodeAnalysis;
using Bff.Stitching.Bindings;

namespace Bff.Stitching.Grpc;

/// <summary>A field bound to a gRPC call (unary or server-streaming) with <c>@grpc</c>.</summary>
public sealed class GrpcBinding : FieldBinding
{
    /// <summary>Creates a binding whose members are set by object initializers.</summary>
    public GrpcBinding()
    {
    }

    /// <summary>Creates a binding with the arguments every binding directive has and its method.</summary>
    [SetsRequiredMembers]
    public GrpcBinding(BindingHeader common, string method)
        : base(common)
    {
        Method = method;
    }

    /// <summary>Gets or sets the method, <c>package.Service/Method</c>.</summary>
    public required string Method { get; init; }

    /// <summary>Gets or sets how the request message is built.</summary>
    public ObjectMapping Request { get; init; } = ObjectMapping.Empty;

    /// <inheritdoc />
    public override SourceKind Kind => SourceKind.Grpc;

    /// <inheritdoc />
    public override IEnumerable<ValueTemplate> Templates =>
        Request.Templates.Concat(BatchKey is null ? [] : [BatchKey]);

    /// <inheritdoc />
    public override string Operation => Method;
}
