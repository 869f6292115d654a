namespace Bff.Stitching.Bindings;

/// <summary>The protocol a downstream source speaks.</summary>
public enum SourceKind
{
    /// <summary>JSON over HTTP, described by an OpenAPI document.</summary>
    Rest,
    /// <summary>gRPC unary calls over HTTP/2, described by a <c>.proto</c> file.</summary>
    Grpc,
    /// <summary>A remote GraphQL service (GraphQL over HTTP), described by an SDL file or read by introspection.</summary>
    GraphQL,
}
