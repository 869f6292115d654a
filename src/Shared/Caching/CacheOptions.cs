namespace Bff.Caching;

/// <summary>Downstream response caching, bound from <c>Bff:Caching</c>. Policies themselves are declared per binding with <c>@cache</c>.</summary>
public sealed class CacheOptions
{
    /// <summary>Gets or sets a value indicating whether <c>@cache</c> policies are applied.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how many responses the in-process level keeps (the Redis level is bounded by Redis).</summary>
    /// <value>Defaults to 10000.</value>
    public int MemoryMaxEntries { get; set; } = 10_000;

    /// <summary>Gets or sets the largest response body cached, in bytes; larger ones are passed through.</summary>
    /// <value>Defaults to 1048576 (1 MiB).</value>
    public int MaxEntryBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Gets or sets the incoming request headers that change a downstream answer; their values are part of the key.
    /// </summary>
    /// <value>Defaults to <c>["Accept-Language"]</c>; configured headers are added to it (configuration binding appends to arrays).</value>
    public string[] VaryHeaders { get; set; } = ["Accept-Language"];

    /// <summary>
    /// Gets or sets the forwarded headers (<c>Bff:Sources:{name}:ForwardHeaders</c>) that never change an answer, such as a
    /// per-request correlation id: their values stay out of the key. Every other header a source receives is part of it.
    /// </summary>
    /// <value>Empty by default: every forwarded header is part of the key.</value>
    public string[] UnkeyedHeaders { get; set; } = [];

    internal IEnumerable<string> Validate()
    {
        if (MemoryMaxEntries < 0)
        {
            yield return "Bff:Caching:MemoryMaxEntries: must be 0 or more.";
        }

        if (MaxEntryBytes <= 0)
        {
            yield return "Bff:Caching:MaxEntryBytes: must be positive.";
        }
    }
}
