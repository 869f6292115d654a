using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Bff.Bench;
using Bff.Samples.Common;
using Bff.Samples.Jobs;
using Bff.Samples.Profiles;
using Bff.Samples.Proposals;

// Measures, on this machine: the latency of one demo query answered from the downstream (cache miss), from the
// in-process level and from Redis (another replica's entry); and how many requests two replicas sharing one Redis
// admit against a rate limit, concurrently. Run: dotnet run -c Release --project bench/Bff.Bench
if (args is ["session", ..])
{
    await SessionLookupBench.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000);
    return;
}

var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
var services = new[]
{
    ProfilesService.Create("http://127.0.0.1:0", new RequestLog(), new HttpFaults()),
    JobsService.Create("http://127.0.0.1:0", new RequestLog(), new HttpFaults()),
    ProposalsService.Create("http://127.0.0.1:0", new RequestLog(), new GrpcFaults()),
};
foreach (var service in services)
{
    await service.StartAsync();
}

using var redis = new RedisProcess();
var settings = new Dictionary<string, string?>
{
    ["Bff:Sources:profiles:BaseAddress"] = services[0].Urls.First(),
    ["Bff:Sources:jobs:BaseAddress"] = services[1].Urls.First(),
    ["Bff:Sources:proposals:BaseAddress"] = services[2].Urls.First(),
    ["ConnectionStrings:Redis"] = $"127.0.0.1:{redis.Port}",
    ["Bff:Redis:KeyPrefix"] = "bench:",
    ["Bff:RateLimiting:Enabled"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
    ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
};
var (appA, a) = await BenchHost.StartAsync(settings);
var (appB, b) = await BenchHost.StartAsync(settings);
const string query = "{\"query\":\"query Job($id: ID!) { job(id: $id) { id title description budgetMax client { name city } } }\",\"variables\":{\"id\":\"j3\"}}";

async Task<TimeSpan> Send(HttpClient client, string language)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(query, Encoding.UTF8, "application/json") };
    request.Headers.TryAddWithoutValidation("Accept-Language", language);
    var watch = Stopwatch.StartNew();
    using var response = await client.SendAsync(request);
    await response.Content.ReadAsByteArrayAsync();
    watch.Stop();
    return response.StatusCode == HttpStatusCode.OK ? watch.Elapsed : throw new InvalidOperationException($"status {response.StatusCode}");
}

for (var i = 0; i < 50; i++)
{
    await Send(a, "warm-" + i);
    await Send(a, "warm");
}

// Accept-Language is part of the cache key: a new value is a guaranteed miss for the same downstream calls.
var miss = new List<TimeSpan>();
var memoryHit = new List<TimeSpan>();
var redisHit = new List<TimeSpan>();
for (var i = 0; i < iterations; i++)
{
    var language = "bench-" + i;
    miss.Add(await Send(a, language));
    memoryHit.Add(await Send(a, language));
    redisHit.Add(await Send(b, language));
}

Console.WriteLine($"Query: job(id) {{ … client {{ … }} }} on the mobile BFF (2 downstream calls, REST), {iterations} iterations each, Redis on loopback");
Report("cache miss (downstream)", miss);
Report("cache hit (memory)", memoryHit);
Report("cache hit (Redis, other replica)", redisHit);

await appA.DisposeAsync();
await appB.DisposeAsync();

// Rate limiter accuracy: two replicas, one Redis, 16 concurrent clients from one address.
foreach (var (permits, window, burst, seconds) in new[] { (100, "01:00:00", 100, 2.0), (50, "00:00:01", 10, 3.0) })
{
    var limited = new Dictionary<string, string?>(settings)
    {
        ["Bff:RateLimiting:Enabled"] = "true",
        ["Bff:Redis:KeyPrefix"] = $"bench-rl-{permits}:",
        ["Bff:RateLimiting:Policies:requests:PermitLimit"] = permits.ToString(CultureInfo.InvariantCulture),
        ["Bff:RateLimiting:Policies:requests:Window"] = window,
        ["Bff:RateLimiting:Policies:requests:Burst"] = burst.ToString(CultureInfo.InvariantCulture),
        ["Bff:RateLimiting:Policies:cost:PermitLimit"] = "100000000",
        ["Bff:RateLimiting:Policies:cost:Burst"] = "100000000",
        ["Bff:RateLimiting:ApiKeys:warm-up"] = Bff.PersistedQueries.Sha256Hex.Of("warm-up"),
    };
    var (ra, ca) = await BenchHost.StartAsync(limited);
    var (rb, cb) = await BenchHost.StartAsync(limited);

    // Warm both replicas under another partition (a known API key), so the measured partition starts on a hot path.
    foreach (var client in new[] { ca, cb })
    {
        for (var i = 0; i < 20; i++)
        {
            using var warm = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json") };
            warm.Headers.Add("X-Api-Key", "warm-up");
            using var _ = await client.SendAsync(warm);
        }
    }

    var admitted = 0;
    var refused = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, 16).Select(async worker =>
    {
        var client = worker % 2 == 0 ? ca : cb;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            using var response = await client.PostAsync("/graphql", new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"));
            Interlocked.Increment(ref response.StatusCode == HttpStatusCode.OK ? ref admitted : ref refused);
        }
    }));
    var elapsed = clock.Elapsed.TotalSeconds;
    var interval = TimeSpan.Parse(window, CultureInfo.InvariantCulture).TotalSeconds / permits;
    var bound = burst + Math.Floor(elapsed / interval);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"rate limit {permits}/{window} burst {burst}, 2 replicas, 16 clients, {elapsed:F2} s: admitted {admitted} of {admitted + refused}; GCRA bound burst + elapsed/interval = {bound}; error {admitted - bound:+0;-0;0}"));
    await ra.DisposeAsync();
    await rb.DisposeAsync();
}

foreach (var service in services)
{
    await service.StopAsync();
}

static void Report(string name, List<TimeSpan> samples)
{
    var ms = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
    double P(double q) => ms[Math.Min(ms.Length - 1, (int)(q * ms.Length))];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-34} mean {ms.Average(),7:F3} ms   p50 {P(0.5),7:F3} ms   p95 {P(0.95),7:F3} ms"));
}
