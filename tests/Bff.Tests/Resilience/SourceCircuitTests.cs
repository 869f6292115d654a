using Bff.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace Bff.Tests.Resilience;

public sealed class SourceCircuitTests
{
    [Fact]
    public void Open_circuit_reports_half_open_once_its_break_is_over()
    {
        var time = new FakeTimeProvider();
        var circuit = new SourceCircuit("profiles", "rest", time);
        Assert.Equal(SourceCircuitState.Closed, circuit.State);

        circuit.Opened(TimeSpan.FromSeconds(10));
        Assert.Equal(SourceCircuitState.Open, circuit.State);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(SourceCircuitState.Open, circuit.State);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SourceCircuitState.HalfOpen, circuit.State);

        circuit.HalfOpened();
        Assert.Equal("half-open", circuit.State.ToName());
        circuit.Closed();
        Assert.Equal("closed", circuit.State.ToName());
    }
}
