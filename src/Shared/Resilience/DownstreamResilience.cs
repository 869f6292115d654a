using Bff.Stitching;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Registry;

namespace Bff.Resilience;

/// <summary>
/// The resilience pipelines of every source, one keyed <see cref="ResiliencePipeline{T}"/> per source name (built on
/// first use), with each source's retry budget and observable circuit. A singleton: circuits and budgets are shared
/// by every request of the host.
/// </summary>
public sealed class DownstreamResilience : IAsyncDisposable
{
    private readonly ResiliencePipelineRegistry<string> _registry = new();
    private readonly Dictionary<string, RetryBudget> _budgets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourceCircuit> _circuits = new(StringComparer.Ordinal);

    /// <summary>Registers the pipeline of every source of <paramref name="sources"/>.</summary>
    public DownstreamResilience(SourceSet sources, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger("Bff.Resilience");
        foreach (var (name, source) in sources)
        {
            var budget = _budgets[name] = new RetryBudget(source.Resilience.Retry, time);
            var circuit = _circuits[name] = new SourceCircuit(name, source.Kind.ToString().ToLowerInvariant(), time);
            _registry.TryAddBuilder<DownstreamResponse>(name, (builder, _) =>
                DownstreamPipelineBuilder.Configure(builder, name, source, budget, circuit, time, logger));
        }
    }

    /// <summary>Gets the circuit of every source, by source name.</summary>
    public IReadOnlyDictionary<string, SourceCircuit> Circuits => _circuits;

    /// <summary>Gets the pipeline of <paramref name="source"/>.</summary>
    public ResiliencePipeline<DownstreamResponse> Pipeline(string source) => _registry.GetPipeline<DownstreamResponse>(source);

    /// <summary>Builds every source's pipeline now (after the options were validated), so none fails on its first call.</summary>
    public void BuildAll()
    {
        foreach (var source in _circuits.Keys)
        {
            _ = Pipeline(source);
        }
    }

    /// <summary>Gets the retry budget of <paramref name="source"/>.</summary>
    public RetryBudget Budget(string source) => _budgets[source];

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _registry.DisposeAsync();
}
