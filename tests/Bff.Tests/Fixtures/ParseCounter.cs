using System.Diagnostics;
using System.Diagnostics.Metrics;
using Bff.Observability;

namespace Bff.Tests.Fixtures;

/// <summary>
/// Counts <c>bff.documents.parsed</c> measurements made inside the operations named <see cref="OperationName"/>, so
/// parallel tests in the same process do not disturb the count. The gateway names its operation activity
/// (<c>query {operationName}</c>) once the document is parsed, so measurements are held per activity until it stops.
/// </summary>
public sealed class ParseCounter : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Activity, int> _pending = new();
    private int _count;

    public ParseCounter()
    {
        OperationName = "Counted" + Guid.NewGuid().ToString("N");
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == BffTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (_pending.TryRemove(activity, out var parsed) && activity.DisplayName.EndsWith(" " + OperationName, StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _count, parsed);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BffTelemetry.Name && instrument.Name == "bff.documents.parsed")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (Activity.Current is { Source.Name: BffTelemetry.Name } operation)
            {
                _pending.AddOrUpdate(operation, (int)value, (_, n) => n + (int)value);
            }
        });
        _meters.Start();
    }

    /// <summary>The operation name to send; only operations with this name are counted.</summary>
    public string OperationName { get; }

    public int Count => Volatile.Read(ref _count);

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }
}
