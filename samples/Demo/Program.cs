using Bff.Samples.Demo;
using Bff.Samples.Identity;
using Bff.Samples.Jobs;
using Bff.Samples.Profiles;
using System.Runtime.InteropServices;
using Bff.Samples.Proposals;

// The demo: three downstream services and the token issuer in this process, both BFFs as child processes, and a
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

if (!ports.IsDefault("identity"))
{
    addresses["Bff__Auth__Authority"] = ports.Url("identity");
}

var bffs = new[]
{
    new BffProcess("mobile", "MobileBff", ports.Url("mobile"), HostEnvironment.For("MobileBff", addresses, variables)),
    new BffProcess("web", "WebBff", ports.Url("web"), HostEnvironment.For("WebBff", addresses, variables)),
};
var repoRoot = RepoRoot.Find();
var configuration = typeof(RepoRoot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
    .Cast<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
foreach (var bff in bffs)
{
    bff.Start(repoRoot, configuration);
}

var control = ControlApi.Create(ports.Url("control"), services);
await control.StartAsync();

using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    await Readiness.WaitAsync(bffs, TimeSpan.FromSeconds(60), stop.Token);
    Console.WriteLine();
    Console.WriteLine("Bff demo is running:");
    Console.WriteLine($"  MobileBff  {ports.Url("mobile")}/graphql   (Banana Cake Pop IDE: open it in a browser)");
    Console.WriteLine($"  WebBff     {ports.Url("web")}/graphql");
    Console.WriteLine($"  profiles   {ports.Url("profiles")}  (REST)   jobs {ports.Url("jobs")}  (REST)   proposals {ports.Url("proposals")}  (gRPC, h2c)");
    Console.WriteLine($"  identity   {ports.Url("identity")}  (demo token issuer: discovery + JWKS, keys generated at start)");
    Console.WriteLine($"  control    POST {ports.Url("control")}/demo/services/{{profiles|jobs|proposals|identity}}/{{stop|start}}");
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
    await Task.WhenAll(bffs.Select(bff => bff.DisposeAsync().AsTask()));
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
