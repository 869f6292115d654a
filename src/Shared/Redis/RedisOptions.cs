namespace Bff.Redis;

/// <summary>
/// How a BFF uses Redis, bound from <c>Bff:Redis</c>. The connection string itself is <c>ConnectionStrings:Redis</c>
/// (e.g. the environment variable <c>ConnectionStrings__Redis=127.0.0.1:6379</c>); without one the host keeps its
/// caches, persisted queries and rate limits in memory.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>The name of the connection string (<c>ConnectionStrings:Redis</c>).</summary>
    public const string ConnectionStringName = "Redis";

    /// <summary>Gets or sets the prefix of every key this host writes.</summary>
    /// <value>Defaults to <c>bff:{Bff:Name}:</c>, so replicas of one host share keys and two different hosts do not.</value>
    public string? KeyPrefix { get; set; }

    /// <summary>Gets or sets the longest a Redis command may take before the host answers from memory instead.</summary>
    /// <value>Defaults to 250 milliseconds.</value>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Gets or sets how long a connection attempt may take.</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets how long Redis is left alone after a command failed or timed out while the connection looked up;
    /// a lost connection is retried in the background and used again as soon as it is restored.
    /// </summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    internal IEnumerable<string> Validate()
    {
        if (OperationTimeout <= TimeSpan.Zero)
        {
            yield return "Bff:Redis:OperationTimeout: must be positive (e.g. 00:00:00.250).";
        }

        if (ConnectTimeout <= TimeSpan.Zero)
        {
            yield return "Bff:Redis:ConnectTimeout: must be positive (e.g. 00:00:02).";
        }

        if (RetryInterval <= TimeSpan.Zero)
        {
            yield return "Bff:Redis:RetryInterval: must be positive (e.g. 00:00:05).";
        }
    }
}
