using Bff.Samples.Demo;
using Bff.Samples.Identity;
using Bff.Samples.Jobs;
using Bff.Samples.Profiles;
using System.Runtime.InteropServices;
using Bff.Samples.Proposals;
using Bff.Samples.Reviews;

// The demo: four downstream services and the token issuer in this process, both BFFs as child processes (with
// --topology: two replicas of each and a web canary on one redis-server, behind the front door with HTTPS), and a
// control API on :5099 to stop and start services while everything runs. Ctrl-C stops everything.
DemoPorts ports;
try
{
    ports = DemoPorts.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

if (PortCheck.FindHeld(ports) is { Count: > 0 } held)
{
    Console.Error.WriteLine("Cannot start the demo:");
    held.ForEach(problem => Console.Error.WriteLine("  " + problem));
    Console.Error.WriteLine("Stop what holds them (an earlier demo or BFF still running?), or move the demo with --port name=number.");
    return 1;
}

var services = new Dictionary<string, DemoService>(StringComparer.OrdinalIgnoreCase)
{
    ["profiles"] = new("profiles", ports.Url("profiles"), ProfilesService.Create),
    ["jobs"] = new("jobs", ports.Url("jobs"), JobsService.Create),
    ["proposals"] = new("proposals", ports.Url("proposals"), ProposalsService.Create),
    ["reviews"] = new("reviews", ports.Url("reviews"), ReviewsService.Create),
    ["identity"] = new("identity", ports.Url("identity"), IdentityService.Create),
};
try
{
    foreach (var service in services.Values)
    {
        await service.StartAsync();
    }
}
catch (IOException ex)
{
    Console.Error.WriteLine($"Cannot start the demo services: {ex.Message} Is another demo still running?");
    return 1;
}

var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(HostEnvironment.IsForwarded)
    .ToDictionary(k => k, k => Environment.GetEnvironmentVariable(k)!);
var addresses = new Dictionary<string, string>();
foreach (var name in new[] { "profiles", "jobs", "proposals" }.Where(n => !ports.IsDefault(n)))
{
    addresses[$"Bff__Sources__{name}__BaseAddress"] = ports.Url(name);
}

if (!ports.IsDefault("reviews"))
{
    addresses["Bff__Sources__reviews__BaseAddress"] = ports.Url("reviews") + "/graphql";
}

if (!ports.IsDefault("identity"))
{
    addresses["Bff__Auth__Authority"] = ports.Url("identity");
}

// --topology: Redis (when installed), two replicas of each host sharing it, and the front door with HTTPS before them.
RedisProcess? redis = null;
if (ports.Topology)
{
    redis = RedisProcess.TryStart(ports["redis"]);
    if (redis is null)
    {
        Console.WriteLine("[demo] redis-server is not installed: each replica keeps its cache, persisted queries and rate limits in memory (apt-get install redis-server).");
    }
    else if (!variables.ContainsKey("ConnectionStrings__Redis"))
    {
        variables["ConnectionStrings__Redis"] = $"127.0.0.1:{ports["redis"]}";
    }

    // The hosts believe X-Forwarded-For only from the front door (loopback), so rate limits count real clients.
    addresses["Bff__RateLimiting__TrustedProxies__0"] = "127.0.0.1/32";
    addresses["Bff__RateLimiting__TrustedProxies__1"] = "::1/128";
}

// Web session mode for the web BFF only (WebBff__* reaches that host alone); the issuer posts back-channel logouts to each web replica.
variables.TryAdd("WebBff__Session__Enabled", "true");
variables.TryAdd("WebBff__Session__ClientId", "web-app");
foreach (var (scope, i) in new[] { "openid", "profile", "offline_access", "proposals:read", "jobs:read" }.Select((s, i) => (s, i)))
{
    variables.TryAdd($"WebBff__Session__Scopes__{i}", scope);
}

foreach (var web in ports.Topology ? new[] { "web", "web-2" } : ["web"])
{
    await AuthorizationEndpoints.RegisterBackChannelAsync(new Uri(ports.Url("identity")), "web-app", new Uri(ports.Url(web) + "/bff/backchannel-logout"));
}

var bffs = (ports.Topology
    ? new[] { ("mobile", "MobileBff"), ("mobile-2", "MobileBff"), ("web", "WebBff"), ("web-2", "WebBff"), ("web-canary", "WebBff") }
    : [("mobile", "MobileBff"), ("web", "WebBff")])
    .Select(b => new BffProcess(b.Item1, b.Item2, ports.Url(b.Item1), HostEnvironment.For(b.Item2, addresses, variables)))
    .ToArray();
BffProcess? edge = null;
if (ports.Topology)
{
    var edgeEnvironment = new Dictionary<string, string>
    {
        ["Kestrel__Endpoints__Https__Url"] = $"https://localhost:{ports["edge"]}",
        ["Kestrel__Endpoints__Http__Url"] = $"http://localhost:{ports["edge-http"]}",
        ["ReverseProxy__Clusters__mobile__Destinations__mobile-1__Address"] = ports.Url("mobile"),
        ["ReverseProxy__Clusters__mobile__Destinations__mobile-2__Address"] = ports.Url("mobile-2"),
        ["ReverseProxy__Clusters__web__Destinations__web-1__Address"] = ports.Url("web"),
        ["ReverseProxy__Clusters__web__Destinations__web-2__Address"] = ports.Url("web-2"),
        // The shipped Edge:Canaries:web sends requests with X-Canary: 1 (and a share of 0 of the rest) here.
        ["ReverseProxy__Clusters__web-canary__Destinations__web-canary-1__Address"] = ports.Url("web-canary"),
    };
    edge = new BffProcess("edge", "Edge", $"https://localhost:{ports["edge"]}", edgeEnvironment);
}
var repoRoot = RepoRoot.Find();
var configuration = typeof(RepoRoot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
    .Cast<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
foreach (var bff in bffs)
{
    bff.Start(repoRoot, configuration);
}

edge?.Start(repoRoot, configuration);

var control = ControlApi.Create(ports.Url("control"), services);
await control.StartAsync();

using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    // Generous: on a busy machine five hosts starting at once (the topology) take a while to answer their first request.
    await Readiness.WaitAsync(bffs, TimeSpan.FromSeconds(180), stop.Token);
    Console.WriteLine();
    Console.WriteLine("Bff demo is running:");
    if (ports.Topology)
    {
        Console.WriteLine($"  front door https://localhost:{ports["edge"]}/mobile/graphql and /web/graphql   (self-signed development certificate; http://localhost:{ports["edge-http"]} redirects)");
        Console.WriteLine($"  replicas   mobile {ports.Url("mobile")} {ports.Url("mobile-2")}   web {ports.Url("web")} {ports.Url("web-2")}   Redis {(redis is null ? "none (in memory)" : $"127.0.0.1:{ports["redis"]}")}");
        Console.WriteLine($"  canary     web {ports.Url("web-canary")}   (through the front door with the header X-Canary: 1)");
    }
    else
    {
        Console.WriteLine($"  MobileBff  {ports.Url("mobile")}/graphql   (Banana Cake Pop IDE: open it in a browser)");
        Console.WriteLine($"  WebBff     {ports.Url("web")}/graphql");
    }

    Console.WriteLine($"  profiles   {ports.Url("profiles")}  (REST)   jobs {ports.Url("jobs")}  (REST)   proposals {ports.Url("proposals")}  (gRPC, h2c)   reviews {ports.Url("reviews")}/graphql  (GraphQL)");
    Console.WriteLine($"  identity   {ports.Url("identity")}  (demo token issuer: discovery + JWKS, keys generated at start)");
    Console.WriteLine($"  control    POST {ports.Url("control")}/demo/services/{{profiles|jobs|proposals|reviews|identity}}/{{stop|start}}");
    Console.WriteLine($"  web app    {ports.Url("web")}/app/   (sign in at the demo issuer as p1 or p3, password demo: the browser holds only a cookie)");
    Console.WriteLine($"  token      curl -s -X POST '{ports.Url("identity")}/demo/token?sub=p3&scope=proposals:read+proposals:write'");
    Console.WriteLine("Press Ctrl-C to stop.");
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    Environment.ExitCode = 1;
}
finally
{
    // Both hosts stop at once, each killed if it outlives its grace period, so the ports are free when the demo ends.
    if (edge is not null)
    {
        await edge.DisposeAsync();
    }

    await Task.WhenAll(bffs.Select(bff => bff.DisposeAsync().AsTask()));
    if (redis is not null)
    {
        await redis.DisposeAsync();
    }

    await control.StopAsync();
    foreach (var service in services.Values)
    {
        await service.StopAsync();
    }
}

return Environment.ExitCode;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
