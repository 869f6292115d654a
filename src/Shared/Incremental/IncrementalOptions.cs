namespace Bff.Incremental;

/// <summary>Incremental delivery (<c>@defer</c> and <c>@stream</c>), bound from <c>Bff:Incremental</c>.</summary>
public sealed class IncrementalOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether the schema offers <c>@defer</c> and <c>@stream</c>. A request that
    /// accepts <c>multipart/mixed; deferSpec=20220824</c> then gets its deferred fragments and streamed list items
    /// in later parts of one <c>multipart/mixed</c> answer; any other request gets the whole answer at once.
    /// Off, the directives are unknown and a document that uses them fails validation.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool Enabled { get; set; }
}
