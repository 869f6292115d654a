namespace Bff.PersistedQueries;

/// <summary>Automatic persisted queries (the Apollo protocol), bound from <c>Bff:PersistedQueries</c>.</summary>
public sealed class PersistedQueryOptions
{
    /// <summary>Gets or sets a value indicating whether clients may send a query's SHA-256 hash instead of its text.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how long a registered query is kept after its last use (Redis and memory alike).</summary>
    /// <value>Defaults to 24 hours. An expired hash costs the client one round trip to register it again.</value>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Gets or sets how many queries the in-process level keeps.</summary>
    /// <value>Defaults to 10000.</value>
    public int MemoryMaxEntries { get; set; } = 10_000;

    internal IEnumerable<string> Validate()
    {
        if (Ttl <= TimeSpan.Zero)
        {
            yield return "Bff:PersistedQueries:Ttl: must be positive (e.g. 1.00:00:00).";
        }

        if (MemoryMaxEntries < 0)
        {
            yield return "Bff:PersistedQueries:MemoryMaxEntries: must be 0 or more.";
        }
    }
}
