namespace Bff.Stitching;

/// <summary>
/// One fixed credential header sent to a source (<c>Bff:Sources:{name}:Auth:Credentials:{n}</c>), e.g. an API key, a
/// service bearer token or a tenant header; optionally only on some of the source's operations. Its value is never logged.
/// </summary>
public sealed class SourceCredentialOptions
{
    /// <summary>Gets or sets the header that carries the credential, e.g. <c>X-Api-Key</c> or <c>Authorization</c>.</summary>
    /// <value>Required.</value>
    public string Header { get; set; } = "";

    /// <summary>
    /// Gets or sets the value itself (e.g. <c>Bearer s3cr3t</c>). Prefer <see cref="ValueFrom"/>, or set it from a secret
    /// store or an environment variable (<c>Bff__Sources__billing__Auth__Credentials__0__Value</c>), never in appsettings.
    /// </summary>
    /// <value>Exactly one of <see cref="Value"/> and <see cref="ValueFrom"/> is required.</value>
    public string? Value { get; set; }

    /// <summary>
    /// Gets or sets where the value is read at start-up: <c>env:NAME</c> (an environment variable) or <c>file:/path</c>
    /// (a mounted secret; a trailing line break is removed). A missing variable or unreadable file stops the host.
    /// </summary>
    /// <value>Exactly one of <see cref="Value"/> and <see cref="ValueFrom"/> is required.</value>
    public string? ValueFrom { get; set; }

    /// <summary>
    /// Gets the operations that receive the credential: OpenAPI <c>operationId</c>s (or <c>METHOD /path</c> for an
    /// operation without one) or gRPC methods (<c>package.Service/Method</c>). Names are checked against the contract.
    /// </summary>
    /// <value>Empty by default: every call to the source receives it.</value>
    public List<string> Operations { get; } = [];
}
