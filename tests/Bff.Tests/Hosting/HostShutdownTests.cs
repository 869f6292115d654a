using System.Text;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Hosting;

/// <summary>
/// Each host, run as a process with its shipped configuration (addresses overridden), stops on SIGTERM within its
/// shutdown timeout after the document that once kept it busy for minutes.
/// </summary>
[Collection(DemoCollection.Name)]
public sealed class HostShutdownTests(DemoServicesFixture demo)
{
    private static readonly TimeSpan ShippedShutdownTimeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData("WebBff")]
    [InlineData("MobileBff")]
    public async Task Host_stops_on_SIGTERM_after_a_fragment_bomb(string project)
    {
        using var host = await HostProcess.StartAsync(project, demo.AddressSettings);
        using var http = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(5) };
        var payload = new JsonObject { ["query"] = FragmentBombs.Spreads(30) }.ToJsonString();

        using var response = await http.PostAsync("/graphql", new StringContent(payload, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("MAX_SELECTIONS_EXCEEDED", body);

        var exitCode = await host.TerminateAsync(ShippedShutdownTimeout);
        Assert.True(exitCode == 0, $"exit code {exitCode?.ToString() ?? "(still running)"}:\n{host.Output}");
    }
}
