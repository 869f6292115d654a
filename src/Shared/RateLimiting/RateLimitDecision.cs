namespace Bff.RateLimiting;

/// <summary>The answer of a policy to one charge.</summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="Allowed">Whether the charge was admitted.</param>
/// <param name="Limit">The policy's bucket size.</param>
/// <param name="Remaining">What the caller may still spend now.</param>
/// <param name="RetryAfter">When a refused charge would be admitted.</param>
/// <param name="ResetAfter">When the caller's bucket is full again.</param>
/// <param name="Window">The policy's window.</param>
public sealed record RateLimitDecision(string Policy, bool Allowed, long Limit, long Remaining, TimeSpan RetryAfter, TimeSpan ResetAfter, TimeSpan Window)
{
    /// <summary>Gets how much of the bucket is left, 0 to 1; the tightest policy is reported in headers.</summary>
    public double Headroom => Limit <= 0 ? 0 : (double)Remaining / Limit;
}

/// <summary>One charge of a request: <paramref name="Cost"/> under the policy <paramref name="Name"/>.</summary>
/// <param name="Name">The policy's name (<c>Bff:RateLimiting:Policies:{name}</c>).</param>
/// <param name="Policy">The policy.</param>
/// <param name="Cost">What the request costs under it (1 for a request-count policy).</param>
public readonly record struct RateLimitCharge(string Name, RateLimitPolicyOptions Policy, long Cost);
