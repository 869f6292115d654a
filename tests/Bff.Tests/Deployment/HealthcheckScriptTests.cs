using System.Diagnostics;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Deployment;

/// <summary>
/// deploy/docker/healthcheck.sh, the images' HEALTHCHECK (the runtime images have no curl), run for real against the demo
/// services as the container runs it: port from HEALTHCHECK_PORT, path from the argument or HEALTHCHECK_PATH.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class HealthcheckScriptTests(DemoServicesFixture demo)
{
    [Fact]
    public async Task Healthy_when_the_path_answers_200()
    {
        Assert.Equal(0, await RunAsync(demo.ProfilesUrl.Port, "/health"));
        Assert.Equal(0, await RunAsync(demo.JobsUrl.Port, path: null, environmentPath: "/health"));
    }

    [Fact]
    public async Task Unhealthy_when_the_path_answers_anything_else()
    {
        Assert.Equal(1, await RunAsync(demo.ProfilesUrl.Port, "/health/missing"));
    }

    [Fact]
    public async Task Unhealthy_when_nothing_listens()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.NotEqual(0, await RunAsync(port, "/health"));
    }

    [Fact]
    public async Task An_empty_path_checks_only_the_port_of_the_http2_only_grpc_service()
    {
        Assert.Equal(0, await RunAsync(demo.ProposalsUrl.Port, path: null, environmentPath: ""));
        Assert.NotEqual(0, await RunAsync(demo.ProposalsUrl.Port, "/health"));
    }

    private static async Task<int> RunAsync(int port, string? path, string? environmentPath = null)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(DeploymentFiles.PathOf("deploy/docker/healthcheck.sh"));
        if (path is not null)
        {
            start.ArgumentList.Add(path);
        }

        start.Environment["HEALTHCHECK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (environmentPath is null)
        {
            start.Environment.Remove("HEALTHCHECK_PATH");
        }
        else
        {
            start.Environment["HEALTHCHECK_PATH"] = environmentPath;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
