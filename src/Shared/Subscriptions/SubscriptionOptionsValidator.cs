namespace Bff.Subscriptions;

/// <summary>Checks <see cref="SubscriptionOptions"/> at start-up; every problem names its configuration key.</summary>
public static class SubscriptionOptionsValidator
{
    private const string Section = "Bff:Subscriptions";

    /// <summary>Returns every problem of <paramref name="options"/>.</summary>
    public static IEnumerable<string> Validate(SubscriptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ConnectionInitTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:ConnectionInitTimeout: must be positive (e.g. 00:00:10).";
        }

        if (options.KeepAliveInterval <= TimeSpan.Zero)
        {
            yield return $"{Section}:KeepAliveInterval: must be positive (e.g. 00:00:15).";
        }

        if (options.BufferCapacity < 1)
        {
            yield return $"{Section}:BufferCapacity: must be at least 1 (it is {options.BufferCapacity}).";
        }

        if (options.MaxSubscriptionsPerCaller < 1)
        {
            yield return $"{Section}:MaxSubscriptionsPerCaller: must be at least 1 (it is {options.MaxSubscriptionsPerCaller}).";
        }

        if (options.MaxConnectionsPerCaller < 1)
        {
            yield return $"{Section}:MaxConnectionsPerCaller: must be at least 1 (it is {options.MaxConnectionsPerCaller}).";
        }

        for (var i = 0; i < options.AllowedOrigins.Count; i++)
        {
            if (!OriginPolicy.TryNormalize(options.AllowedOrigins[i], out _))
            {
                yield return $"{Section}:AllowedOrigins:{i}: '{options.AllowedOrigins[i]}' is not an origin (scheme://host[:port], no path).";
            }
        }
    }
}
