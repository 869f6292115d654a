namespace Bff.RateLimiting;

/// <summary>What a rate-limit policy counts.</summary>
public enum RateLimitKind
{
    /// <summary>Each operation costs 1, charged on arrival.</summary>
    Requests,

    /// <summary>Each operation costs its computed cost (<see cref="Limits.IOperationCostCalculator"/>), charged before execution.</summary>
    Cost,
}

/// <summary>
/// One rate-limit policy, <c>Bff:RateLimiting:Policies:{name}</c>: a caller may spend <see cref="PermitLimit"/> per
/// <see cref="Window"/> on average and at most <see cref="Burst"/> at once (GCRA, a token bucket without timers).
/// </summary>
public sealed class RateLimitPolicyOptions
{
    /// <summary>Gets or sets what the policy counts.</summary>
    /// <value>Defaults to <see cref="RateLimitKind.Requests"/>.</value>
    public RateLimitKind Kind { get; set; } = RateLimitKind.Requests;

    /// <summary>Gets or sets the permits (requests, or cost units) a caller earns per <see cref="Window"/>.</summary>
    /// <value>Required: a positive number.</value>
    public int PermitLimit { get; set; }

    /// <summary>Gets or sets the window <see cref="PermitLimit"/> is spread over.</summary>
    /// <value>Defaults to 1 minute.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the most a caller may spend at once (the bucket size).</summary>
    /// <value>Defaults to <see cref="PermitLimit"/>.</value>
    public int? Burst { get; set; }

    /// <summary>Gets the bucket size in force.</summary>
    public int Capacity => Burst ?? PermitLimit;

    /// <summary>Gets the time one permit takes to come back.</summary>
    public TimeSpan EmissionInterval => Window / PermitLimit;

    internal IEnumerable<string> Validate(string name)
    {
        var key = $"Bff:RateLimiting:Policies:{name}";
        if (PermitLimit <= 0)
        {
            yield return $"{key}:PermitLimit: must be positive (e.g. 100).";
        }

        if (Window <= TimeSpan.Zero)
        {
            yield return $"{key}:Window: must be positive (e.g. 00:01:00).";
        }

        if (Burst is <= 0)
        {
            yield return $"{key}:Burst: must be positive, or left out to equal PermitLimit.";
        }
    }
}
