namespace Bff.Auth;

/// <summary>A public key tokens may be signed with, configured instead of fetched (<c>Bff:Auth:SigningKeys:{n}</c>).</summary>
public sealed class SigningKeyOptions
{
    /// <summary>Gets or sets the key id tokens name in their <c>kid</c> header.</summary>
    /// <value>Optional.</value>
    public string? KeyId { get; set; }

    /// <summary>Gets or sets the RSA or EC public key in PEM (<c>-----BEGIN PUBLIC KEY-----</c>).</summary>
    /// <value>Required.</value>
    public string PublicKeyPem { get; set; } = "";
}
