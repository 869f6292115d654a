using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Bff.Bench.RequestPath;

/// <summary>Samples the runtime's allocation ticks (about one per 100 KB allocated) by type, to see what a request allocates.</summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    public bool Recording { get; set; }

    public void Clear() => _bytes.Clear();

    public IEnumerable<(string Type, long Bytes)> Top(int count) =>
        _bytes.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value));

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (!Recording || data.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || data.PayloadNames is null)
        {
            return;
        }

        var type = data.Payload![data.PayloadNames.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(data.Payload[data.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
