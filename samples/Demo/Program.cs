using Bff.Samples.Demo;
using Bff.Samples.Identity;
using Bff.Samples.Jobs;
using Bff.Samples.Profiles;
using System.Runtime.InteropServices;
using Bff.Samples.Proposals;

// The demo: three downstream services in this process, both BFFs as child processes, and a control API on :5099
// to stop and start services while everything runs. Ctrl-C stops everything.
var services = new Dictionary<string, DemoService>(StringComparer.OrdinalIgnoreCase)
{
    ["profiles"] = new("profiles", ProfilesService.DefaultUrl, ProfilesService.Create),
    ["jobs"] = new("jobs", JobsService.DefaultUrl, JobsService.Create),
    ["proposals"] = new("proposals", ProposalsService.DefaultUrl, ProposalsService.Create),
    ["identity"] = new("identity", IdentityService.DefaultUrl, IdentityService.Create),
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

var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
    .Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Bff__", StringComparison.Ordinal))
    .ToDictionary(k => k, k => Environment.GetEnvironmentVariable(k)!);
var bffs = new[]
{
    new BffProcess("mobile", "MobileBff", "http://localhost:5100", environment),
    new BffProcess("web", "WebBff", "http://localhost:5200", environment),
};
var repoRoot = RepoRoot.Find();
var configuration = typeof(RepoRoot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
    .Cast<System.Reflection.AssemblyConfigurationAttribute>().FirstOrDefault()?.Configuration ?? "Debug";
foreach (var bff in bffs)
{
    bff.Start(repoRoot, configuration);
}

var control = ControlApi.Create("http://localhost:5099", services);
await control.StartAsync();

using var stop = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    await Readiness.WaitAsync(bffs, TimeSpan.FromSeconds(60), stop.Token);
    Console.WriteLine();
    Console.WriteLine("Bff demo is running:");
    Console.WriteLine("  MobileBff  http://localhost:5100/graphql   (Banana Cake Pop IDE: open it in a browser)");
    Console.WriteLine("  WebBff     http://localhost:5200/graphql");
    Console.WriteLine("  profiles   http://localhost:5301  (REST)   jobs http://localhost:5302  (REST)   proposals http://localhost:5303  (gRPC, h2c)");
    Console.WriteLine("  identity   http://localhost:5304  (demo token issuer: discovery + JWKS, keys generated at start)");
    Console.WriteLine("  control    POST http://localhost:5099/demo/services/{profiles|jobs|proposals|identity}/{stop|start}");
    Console.WriteLine("  token      curl -s -X POST 'localhost:5304/demo/token?sub=p3&scope=proposals:read+proposals:write'");
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
    foreach (var bff in bffs)
    {
        bff.Dispose();
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
