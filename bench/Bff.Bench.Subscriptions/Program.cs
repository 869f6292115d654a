using System.Diagnostics;
using System.Globalization;
using Bff.Bench.Subscriptions;

// Usage: dotnet run -c Release --project bench/Bff.Bench.Subscriptions [-- --subscriptions 10000 --rate 1000 --topics 1000 --seconds 20]
// The parent process is the clients; it starts the host as a child process (--host) so the host's memory is its own.
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "");
int Option(string name, int fallback) => options.TryGetValue(name, out var v) && int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : fallback;

if (options.ContainsKey("host"))
{
    BenchHost.Run(Option("port", 5390));
    return 0;
}

var subscriptions = Option("subscriptions", 10_000);
var rate = Option("rate", 1_000); // deliveries per second, over all subscribers
var topics = Option("topics", 1_000);
var seconds = Option("seconds", 20);
var openFiles = Limits.OpenFiles();
if (openFiles < subscriptions + 1_000)
{
    Console.Error.WriteLine($"The open-file limit is {openFiles}; {subscriptions} sockets need about {subscriptions + 1_000}. Raise it (ulimit -n {subscriptions * 2}) and run again.");
    return 2;
}

var port = Option("port", 5390);
var host = Process.Start(new ProcessStartInfo("dotnet", [typeof(BenchHost).Assembly.Location, "--host", "--port", port.ToString(CultureInfo.InvariantCulture)]))!;
try
{
    await using var clients = new LoadClients(new Uri($"http://127.0.0.1:{port}"));
    await clients.WaitForHostAsync();
    var (rssBefore, heapBefore) = (Limits.ResidentBytes(host.Id), await clients.ManagedBytesAsync());
    var opened = Stopwatch.StartNew();
    await clients.SubscribeAsync(subscriptions, topics);
    var (rssAfter, heapAfter) = (Limits.ResidentBytes(host.Id), await clients.ManagedBytesAsync());
    Console.WriteLine($"{subscriptions:N0} WebSocket subscriptions open in {opened.Elapsed.TotalSeconds:F1} s (host reports {await clients.ActiveAsync():N0} active)");
    Console.WriteLine($"host resident memory {rssBefore / 1e6:F0} MB -> {rssAfter / 1e6:F0} MB: {(rssAfter - rssBefore) / (double)subscriptions / 1024:F1} KiB per subscription");
    Console.WriteLine($"host managed heap    {heapBefore / 1e6:F0} MB -> {heapAfter / 1e6:F0} MB: {(heapAfter - heapBefore) / subscriptions / 1024:F1} KiB per subscription");

    // Events are spread over the topics; each reaches every subscriber of its topic.
    var perTopic = (double)subscriptions / topics;
    var eventsPerSecond = (int)Math.Max(1, rate / perTopic);
    await clients.PublishAsync(eventsPerSecond, topics, 3); // warm-up, not measured
    await Task.Delay(TimeSpan.FromSeconds(4));
    clients.Reset();
    await clients.PublishAsync(eventsPerSecond, topics, seconds);
    await Task.Delay(TimeSpan.FromSeconds(seconds + 2));
    var latencies = clients.Latencies();
    Console.WriteLine($"{eventsPerSecond} events/s over {topics} topics (~{perTopic:F0} subscribers each) for {seconds} s: {latencies.Length:N0} deliveries ({latencies.Length / (double)seconds:F0}/s), {clients.Errors} errors");
    Console.WriteLine(latencies.Length == 0 ? "no deliveries" : string.Create(CultureInfo.InvariantCulture,
        $"event-to-client latency: p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms"));
    Console.WriteLine($"host resident memory at the end: {Limits.ResidentBytes(host.Id) / 1e6:F0} MB");
    return 0;
}
finally
{
    host.Kill(entireProcessTree: true);
    await host.WaitForExitAsync();
}

static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
