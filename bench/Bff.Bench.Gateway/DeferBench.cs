using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Bff.Bench.Gateway;

/// <summary>
/// The web dashboard with its slow source (proposals, slowed by the host's chaos latency injection) deferred: time to
/// the first payload and to the whole answer, against the same dashboard undeferred and the fast part alone.
/// Requests run one at a time, so the numbers are latencies, not throughput.
///   dotnet run -c Release --project bench/Bff.Bench.Gateway -- defer [--runs 40] [--latency-ms 300]
/// </summary>
internal static class DeferBench
{
    private const string Fast = """{ profile(id: "p1") { fullName postedJobs { title } } }""";
    private const string Whole = """{ profile(id: "p1") { fullName postedJobs { title stats { proposalCount } proposals { bid { amountCents } freelancer { fullName rating } } } } }""";
    private const string Deferred = """{ profile(id: "p1") { fullName postedJobs { title ... @defer { stats { proposalCount } proposals { bid { amountCents } freelancer { fullName rating } } } } } }""";
    private const string Accept = "multipart/mixed;deferSpec=20220824, application/json";

    public static async Task RunAsync(string[] args, string profiles, string jobs, string proposals)
    {
        var runs = Option(args, "--runs", 40);
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency-ms", 300));
        var url = new Uri($"http://127.0.0.1:{BenchEnvironment.FreePort()}");
        using var host = StartWebHost(url, [profiles, jobs, proposals], latency);
        await ChildProcess.WaitUntilAnsweringAsync(new Uri(url, "/health/live"));
        using var http = new HttpClient { BaseAddress = url };
        var results = new List<(string Name, List<double> Times)>
        {
            ("fast part alone (no proposals)", []),
            ($"whole dashboard, proposals +{latency.TotalMilliseconds} ms", []),
            ("deferred dashboard: first payload", []),
            ("deferred dashboard: last payload", []),
        };
        for (var run = -3; run < runs; run++)
        {
            var fast = await TimeAsync(http, Fast, "application/json");
            var whole = await TimeAsync(http, Whole, "application/json");
            var deferred = await TimeAsync(http, Deferred, Accept);
            if (run >= 0)
            {
                results[0].Times.Add(fast.Last);
                results[1].Times.Add(whole.Last);
                results[2].Times.Add(deferred.First);
                results[3].Times.Add(deferred.Last);
            }
        }

        Console.WriteLine($"Deferred web dashboard: {Environment.ProcessorCount} cores, {runs} sequential runs each, {BenchEnvironment.Configuration} build, chaos latency {latency.TotalMilliseconds} ms on every proposals call");
        Console.WriteLine($"| {"what",-46} | {"p50 ms",7} | {"p95 ms",7} | {"min ms",7} |");
        Console.WriteLine($"|{new string('-', 48)}|{new string('-', 9)}|{new string('-', 9)}|{new string('-', 9)}|");
        foreach (var (name, times) in results)
        {
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name,-46} | {times[times.Count / 2],7:F1} | {times[(int)(times.Count * 0.95)],7:F1} | {times[0],7:F1} |"));
        }
    }

    private static ChildProcess StartWebHost(Uri url, string[] addresses, TimeSpan latency)
    {
        var directory = Path.Combine(BenchEnvironment.RepoRoot(), "src", "WebBff", "bin", BenchEnvironment.Configuration, "net10.0");
        var settings = new Dictionary<string, string>
        {
            ["urls"] = url.ToString().TrimEnd('/'),
            ["Bff:Sources:profiles:BaseAddress"] = addresses[0],
            ["Bff:Sources:jobs:BaseAddress"] = addresses[1],
            ["Bff:Sources:proposals:BaseAddress"] = addresses[2],
            ["Bff:Sources:proposals:Chaos:Enabled"] = "true",
            ["Bff:Sources:proposals:Chaos:LatencyRate"] = "1",
            ["Bff:Sources:proposals:Chaos:Latency"] = latency.ToString("c", CultureInfo.InvariantCulture),
            ["Bff:Auth:Authority"] = addresses[0],
            ["Bff:Auth:RequireHttpsMetadata"] = "false",
            ["Bff:Caching:Enabled"] = "false",
            ["Bff:TrustedDocuments:Mode"] = "Off",
            ["Bff:RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        return ChildProcess.Start(Path.Combine(directory, "Bff.WebBff.dll"), directory,
            settings.Select(s => $"--{s.Key}={s.Value}"), new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
    }

    // Milliseconds until the first part is complete (the delimiter after it has arrived) and until the body ends.
    private static async Task<(double First, double Last)> TimeAsync(HttpClient http, string query, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var (received, buffer, first) = (new StringBuilder(), new byte[16384], double.NaN);
        for (int read; (read = await body.ReadAsync(buffer)) > 0;)
        {
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
            if (double.IsNaN(first) && Delimiters(received.ToString()) >= 2)
            {
                first = clock.Elapsed.TotalMilliseconds;
            }
        }

        var last = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode || received.ToString().Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The dashboard failed: {(int)response.StatusCode} {received}");
        }

        return (double.IsNaN(first) ? last : first, last);
    }

    private static int Delimiters(string text) => text.Split("\r\n---").Length - 1;

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
