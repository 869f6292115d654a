using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bff.Resilience;

/// <summary>
/// Reports the circuit of every source. A source whose circuit is not closed makes the host <c>Degraded</c>, not
/// unhealthy: the host still answers (with partial data), and taking every replica out of the load balancer because
/// one downstream is down would turn a partial outage into a full one.
/// </summary>
public sealed class SourceCircuitsHealthCheck(DownstreamResilience resilience, Stitching.Instances.SourceInstanceSet instances) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var broken = new List<string>();
        foreach (var (name, circuit) in resilience.Circuits.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var state = circuit.State;
            data[name] = new SourceHealth(circuit.Kind, state.ToName(), instances.For(name)?.Snapshot());
            if (state != SourceCircuitState.Closed)
            {
                broken.Add($"{name} ({state.ToName()})");
            }
        }

        return Task.FromResult(broken.Count == 0
            ? HealthCheckResult.Healthy("All circuits closed.", data)
            : HealthCheckResult.Degraded("Circuit not closed: " + string.Join(", ", broken) + ".", data: data));
    }
}

/// <summary>One source as the readiness endpoint shows it.</summary>
/// <param name="Kind"><c>rest</c> or <c>grpc</c>.</param>
/// <param name="Circuit"><c>closed</c>, <c>open</c> or <c>half-open</c>.</param>
/// <param name="Instances">Each address of a source with several instances and whether it is up; null for one base address.</param>
public sealed record SourceHealth(string Kind, string Circuit, IReadOnlyList<Stitching.Instances.InstanceHealth>? Instances = null);
