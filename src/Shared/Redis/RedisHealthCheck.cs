using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bff.Redis;

/// <summary>
/// Reports Redis: healthy when connected (or not configured: in-memory by design), degraded while it is unreachable,
/// since the host keeps serving from its in-memory fallbacks. Never unhealthy: losing Redis is no reason to stop traffic.
/// </summary>
public sealed class RedisHealthCheck : IHealthCheck
{
    private readonly RedisStore _store;

    /// <summary>Creates the check.</summary>
    public RedisHealthCheck(RedisStore store) => _store = store;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_store.State == RedisState.NotConfigured)
        {
            return HealthCheckResult.Healthy("Redis not configured: in-memory state (single instance).");
        }

        var (ok, latency) = await _store.PingAsync().ConfigureAwait(false);
        var data = new Dictionary<string, object> { ["state"] = _store.State.ToString() };
        if (ok)
        {
            data["latencyMs"] = Math.Round(latency.TotalMilliseconds, 2);
            return HealthCheckResult.Healthy("Redis connected.", data);
        }

        return HealthCheckResult.Degraded("Redis unreachable: serving from in-memory fallbacks.", data: data);
    }
}
