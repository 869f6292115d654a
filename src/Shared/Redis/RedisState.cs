namespace Bff.Redis;

/// <summary>Where a host keeps its shared state right now.</summary>
public enum RedisState
{
    /// <summary>No connection string: in-memory state, fit for a single instance only.</summary>
    NotConfigured,

    /// <summary>Configured, not connected yet: in-memory fallbacks answer.</summary>
    Connecting,

    /// <summary>Connected: state is shared with every replica.</summary>
    Up,

    /// <summary>Unreachable: in-memory fallbacks answer until Redis returns.</summary>
    Down,
}
