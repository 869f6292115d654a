namespace Bff.Stitching;

/// <summary>What a downstream source receives as credentials.</summary>
public enum SourceAuthMode
{
    /// <summary>No credentials: the caller's token stays at the gateway.</summary>
    None,
    /// <summary>The caller's validated bearer token, as <c>Authorization: Bearer …</c> (nothing for anonymous callers).</summary>
    Forward,
    /// <summary>A fixed credential from configuration (e.g. a service API key), whoever the caller is.</summary>
    Static,
}

/// <summary>The credentials of calls to one source (<c>Bff:Sources:{name}:Auth</c>).</summary>
public sealed class SourceAuthOptions
{
    /// <summary>Gets or sets what the source receives.</summary>
    /// <value>Defaults to <see cref="SourceAuthMode.None"/>.</value>
    public SourceAuthMode Mode { get; set; } = SourceAuthMode.None;

    /// <summary>Gets or sets the header that carries a <see cref="SourceAuthMode.Static"/> credential.</summary>
    /// <value>Defaults to <c>Authorization</c>.</value>
    public string Header { get; set; } = "Authorization";

    /// <summary>
    /// Gets or sets the <see cref="SourceAuthMode.Static"/> credential, e.g. <c>Bearer s3cr3t</c> or an API key. Keep it out
    /// of appsettings: set it from a secret store or an environment variable (<c>Bff__Sources__jobs__Auth__Value</c>).
    /// </summary>
    /// <value>Required with <see cref="SourceAuthMode.Static"/>, unless <see cref="ValueFrom"/> is set.</value>
    public string? Value { get; set; }

    /// <summary>
    /// Gets or sets where the <see cref="SourceAuthMode.Static"/> credential is read at start-up instead of <see cref="Value"/>:
    /// <c>env:NAME</c> or <c>file:/path</c> (see <see cref="SourceCredentialOptions.ValueFrom"/>).
    /// </summary>
    /// <value>None by default.</value>
    public string? ValueFrom { get; set; }

    /// <summary>
    /// Gets the fixed credential headers of the source, each optionally restricted to some operations, in any
    /// <see cref="Mode"/> (e.g. an API key for some operations, a service token for others, and a tenant header).
    /// </summary>
    /// <value>Empty by default.</value>
    public List<SourceCredentialOptions> Credentials { get; } = [];

    /// <summary>Gets every fixed credential with its configuration key: the <see cref="SourceAuthMode.Static"/> one, then <see cref="Credentials"/>.</summary>
    internal IEnumerable<(string Key, SourceCredentialOptions Credential)> AllCredentials(string source)
    {
        if (Mode == SourceAuthMode.Static)
        {
            yield return ($"Bff:Sources:{source}:Auth", new SourceCredentialOptions { Header = Header, Value = Value, ValueFrom = ValueFrom });
        }

        for (var i = 0; i < Credentials.Count; i++)
        {
            yield return ($"Bff:Sources:{source}:Auth:Credentials:{i}", Credentials[i]);
        }
    }

    /// <summary>
    /// Gets or sets a value indicating whether the source's answers may differ by caller when it receives the caller's
    /// token (<see cref="SourceAuthMode.Forward"/>). While true, <c>@cache(scope: PUBLIC)</c> on its bindings is refused at
    /// start-up, since one caller's answer would be served to another. Set it to false for a source that uses the token
    /// only to authorize and answers every caller alike.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool AnswersVaryByCaller { get; set; } = true;
}
