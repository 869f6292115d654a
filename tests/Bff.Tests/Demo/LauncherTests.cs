using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bff.Samples.Demo;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Demo;

/// <summary>The demo launcher as a real process: it refuses held ports, gives each host its own settings, and ends children that do not stop.</summary>
[Collection(ProcessCollection.Name)]
public sealed class LauncherTests
{
    private static readonly string[] Names = ["mobile", "web", "profiles", "jobs", "proposals", "reviews", "identity", "control"];

    [Fact]
    public async Task Refuses_to_start_while_a_port_it_needs_is_held_naming_the_port_and_its_holder()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var held = ((IPEndPoint)holder.LocalEndpoint).Port;
        var ports = FreePorts();
        ports["web"] = held;
        var watch = Stopwatch.StartNew();
        using var demo = BuiltProgram.Start("samples/Demo", "Bff.Samples.Demo", new Dictionary<string, string>(), PortArguments(ports));

        var exitCode = await demo.WaitForExitAsync(TimeSpan.FromSeconds(30));

        var output = demo.Output;
        Assert.True(exitCode == 1, $"exit code {exitCode} after {watch.Elapsed}:\n{output}");
        Assert.Contains($"port {held} (web) is in use by pid {Environment.ProcessId} (", output);
        Assert.DoesNotContain("Bff demo is running", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Per_host_environment_prefix_reaches_only_that_host_and_wins_over_the_shared_one()
    {
        var ports = FreePorts();
        var environment = new Dictionary<string, string> { ["Bff__Name"] = "Both hosts", ["WebBff__Name"] = "Web only" };
        using var demo = BuiltProgram.Start("samples/Demo", "Bff.Samples.Demo", environment, PortArguments(ports));
        await demo.WaitForOutputAsync("Bff demo is running", TimeSpan.FromSeconds(200));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var web = JsonNode.Parse(await http.GetStringAsync($"http://localhost:{ports["web"]}/graphql/bcp-config.json"))!;
        var mobile = JsonNode.Parse(await http.GetStringAsync($"http://localhost:{ports["mobile"]}/graphql/bcp-config.json"))!;

        Assert.Equal("Web only", (string?)web["title"]);
        Assert.Equal("Both hosts", (string?)mobile["title"]);
    }

    [Fact]
    public async Task A_child_that_ignores_SIGTERM_is_killed_after_the_grace_period()
    {
        using var stubborn = Process.Start(new ProcessStartInfo("bash", ["-c", "trap '' TERM; sleep 60"]))!;
        using var polite = Process.Start(new ProcessStartInfo("sleep", ["60"]))!;
        await Task.Delay(300);
        var grace = TimeSpan.FromSeconds(2);

        var watch = Stopwatch.StartNew();
        var politeStopped = await ChildProcessStopper.StopAsync(polite, grace);
        var politeTime = watch.Elapsed;
        watch.Restart();
        var stubbornStopped = await ChildProcessStopper.StopAsync(stubborn, grace);
        var stubbornTime = watch.Elapsed;

        Assert.True(politeStopped, "sleep should stop on SIGTERM");
        Assert.True(politeTime < grace, $"sleep took {politeTime}: SIGTERM should come before the kill");
        Assert.False(stubbornStopped, "a child that ignores SIGTERM is reported as killed");
        Assert.True(stubborn.HasExited);
        Assert.InRange(stubbornTime, grace, grace + TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task SIGTERM_ends_the_demo_within_the_grace_period_even_when_a_host_does_not_stop()
    {
        var ports = FreePorts();
        using var demo = BuiltProgram.Start("samples/Demo", "Bff.Samples.Demo", new Dictionary<string, string>(), PortArguments(ports));
        await demo.WaitForOutputAsync("Bff demo is running", TimeSpan.FromSeconds(200));
        var web = PortOwner.Describe(ports["web"]);
        Assert.NotNull(web);
        var webPid = int.Parse(web.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(demo.Id, webPid);
        try
        {
            // A stopped process leaves SIGTERM pending, like a host whose graceful shutdown never completes.
            await SignalAsync("STOP", webPid);
            var watch = Stopwatch.StartNew();
            await SignalAsync("TERM", demo.Id);

            var exitCode = await demo.WaitForExitAsync(BffProcess.StopGrace + TimeSpan.FromSeconds(30));

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{demo.Output}");
            Assert.InRange(watch.Elapsed, BffProcess.StopGrace, BffProcess.StopGrace + TimeSpan.FromSeconds(15));
            Assert.Contains("web BFF did not stop within 10 s of SIGTERM; killed it.", demo.Output);
            Assert.DoesNotContain("mobile BFF did not stop", demo.Output);
            Assert.All(ports.Values, port => Assert.Null(PortOwner.Describe(port)));
        }
        finally
        {
            await SignalAsync("KILL", webPid);
        }
    }

    private static async Task SignalAsync(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { RedirectStandardError = true })!;
        await kill.WaitForExitAsync();
    }

    private static Dictionary<string, int> FreePorts()
    {
        var listeners = Names.Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = Names.Zip(listeners, (name, l) => (name, ((IPEndPoint)l.LocalEndpoint).Port)).ToDictionary(p => p.name, p => p.Port);
        listeners.ForEach(l => l.Stop());
        return ports;
    }

    private static string[] PortArguments(Dictionary<string, int> ports) =>
        ports.SelectMany(p => new[] { "--port", $"{p.Key}={p.Value}" }).ToArray();
}
