using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Bff.Observability;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Observability;

[Collection(DemoCollection.Name)]
public sealed class BffTelemetryTests(DemoServicesFixture demo)
{
    [Fact]
    public async Task Downstream_calls_produce_activities_and_duration_measurements()
    {
        var host = HostClient.For<Bff.WebBff.Program>(demo);
        var marker = "p" + Random.Shared.Next(200, 300);
        var activities = new ConcurrentBag<Activity>();
        var measurements = new ConcurrentBag<(double Value, string? Source)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BffTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BffTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            measurements.Add((value, tags.ToArray().FirstOrDefault(t => t.Key == "bff.source").Value as string)));
        meters.Start();

        var (status, _) = await host.PostAsync($"{{ profile(id: \"{marker}\") {{ id }} }}");

        Assert.Equal(200, status);
        Assert.Contains(activities, a => a.Kind == ActivityKind.Client && (string?)a.GetTagItem("bff.source") == "profiles"
            && a.DisplayName.Contains("/profiles/", StringComparison.Ordinal) && (string?)a.GetTagItem("bff.outcome") == "ok");
        Assert.Contains(measurements, m => m.Source == "profiles" && m.Value > 0);
    }
}
