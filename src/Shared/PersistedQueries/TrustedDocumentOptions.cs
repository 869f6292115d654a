namespace Bff.PersistedQueries;

/// <summary>Whether a host runs only the operations its clients shipped with.</summary>
public enum TrustedDocumentMode
{
    /// <summary><see cref="Enforce"/> in the Production environment when a manifest is configured, else <see cref="Off"/>.</summary>
    Auto,

    /// <summary>Manifests are ignored; any valid operation runs.</summary>
    Off,

    /// <summary>Manifest operations can be sent by id; any other valid operation runs too (for a migration).</summary>
    Allow,

    /// <summary>Only manifest operations run (sent by id or as their exact text); anything else is refused before execution.</summary>
    Enforce,
}

/// <summary>Trusted documents (an operation allow-list), bound from <c>Bff:TrustedDocuments</c>.</summary>
public sealed class TrustedDocumentOptions
{
    /// <summary>Gets or sets the mode.</summary>
    /// <value>Defaults to <see cref="TrustedDocumentMode.Auto"/>.</value>
    public TrustedDocumentMode Mode { get; set; } = TrustedDocumentMode.Auto;

    /// <summary>
    /// Gets or sets the manifest files, relative to the application's base directory: Apollo's persisted-query manifest
    /// (<c>{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id","name","type","body"}]}</c>) or an
    /// <c>{"id": "document"}</c> map (Relay, GraphQL Code Generator).
    /// </summary>
    /// <value>Defaults to none.</value>
    public string[] Manifests { get; set; } = [];

    /// <summary>Gets the mode in force in <paramref name="environment"/>.</summary>
    public TrustedDocumentMode EffectiveMode(string environment) => Mode != TrustedDocumentMode.Auto
        ? Mode
        : Manifests.Length > 0 && string.Equals(environment, "Production", StringComparison.OrdinalIgnoreCase)
            ? TrustedDocumentMode.Enforce
            : TrustedDocumentMode.Off;

    internal IEnumerable<string> Validate()
    {
        if (Mode is TrustedDocumentMode.Allow or TrustedDocumentMode.Enforce && Manifests.Length == 0)
        {
            yield return $"Bff:TrustedDocuments:Manifests: at least one manifest is required when Mode is {Mode}.";
        }
    }
}
