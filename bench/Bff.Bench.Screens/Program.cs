using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

// Measures the running demo (dotnet run --project samples/Demo): the same screen on mobile and web (downstream calls,
// response bytes) and request latency with the document cache hit vs. missed (unique query text per request).
// Usage: dotnet run -c Release --project bench/Bff.Bench.Screens -- [requests=400] [concurrency=8]
var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 400;
var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

const string MobileJobScreen = """
    query JobScreen($id: ID!) { job(id: $id) { id title description budgetMin budgetMax currency skills status remote postedAt
      client { name city } proposals(first: 5) { totalCount items { id status bidCents currency estimatedDays freelancer { name thumbnailUrl } } } } }
    """;
const string WebJobScreen = """
    query JobScreen($id: ID!) { job(id: $id) { id title description budget { min max currency } skills status remote postedAt
      client { fullName headline bio avatar { url thumbnailUrl } location { city country } rating hourlyRate }
      stats { proposalCount averageBid { amountCents currency } }
      proposals { id coverLetter bid { amountCents currency } status submittedAt estimatedDays
        freelancer { fullName headline avatar { thumbnailUrl } rating hourlyRate location { city country } } } } }
    """;

Console.WriteLine("Same screen (job j7), mobile vs web:");
foreach (var (name, url, query) in new[] { ("mobile", "http://localhost:5100/graphql", MobileJobScreen), ("web", "http://localhost:5200/graphql", WebJobScreen) })
{
    var (bytes, calls) = await ScreenAsync(url, query);
    Console.WriteLine($"  {name,-6} {calls} downstream calls, {bytes} bytes of data");
}

Console.WriteLine($"\nLatency, {requests} requests, {concurrency} concurrent (mobile job feed):");
const string Feed = "query Feed { jobFeed(first: 10) { items { id title summary client { name } proposalCount } } }";
await MeasureAsync("document cache hit ", _ => Feed);
await MeasureAsync("document cache miss", i => Feed + " # " + i + Guid.NewGuid().ToString("N"));

async Task<(int Bytes, int Calls)> ScreenAsync(string url, string query)
{
    using var response = await http.PostAsJsonAsync(url, new { query, variables = new { id = "j7" } });
    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    var data = body["data"]!.ToJsonString();
    return (System.Text.Encoding.UTF8.GetByteCount(data), body["extensions"]?["downstream"]?.AsArray().Count ?? -1);
}

async Task MeasureAsync(string label, Func<int, string> query)
{
    for (var i = 0; i < 20; i++)
    {
        await http.PostAsJsonAsync("http://localhost:5100/graphql", new { query = query(-i) });
    }

    var latencies = new double[requests];
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < requests)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("http://localhost:5100/graphql", new { query = query(i) });
            response.EnsureSuccessStatusCode();
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }));
    Array.Sort(latencies);
    Console.WriteLine($"  {label}: p50 {latencies[requests / 2]:F2} ms, p95 {latencies[requests * 95 / 100]:F2} ms, {requests / clock.Elapsed.TotalSeconds:F0} req/s");
}
