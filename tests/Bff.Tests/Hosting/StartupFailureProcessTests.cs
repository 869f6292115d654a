using System.Diagnostics;
using System.Text.RegularExpressions;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Hosting;

/// <summary>
/// A host with bad configuration, run as its own process with its shipped appsettings.json: every problem printed
/// once, in one pass, no stack trace, exit code 1; a value that came from an environment variable names the variable.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed partial class StartupFailureProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("bff-startup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Bad_settings_and_bad_bindings_are_listed_once_with_exit_code_1_and_no_stack_trace()
    {
        var sdl = Path.Combine(_directory, "broken.graphql");
        await File.WriteAllTextAsync(sdl, """
            type Query {
              job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.jobId}")
            }
            type Subscription {
              jobPosted: Job
            }
            type Job { id: ID! }
            """);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Bff__Auth__ClockSkew"] = "01:00:00",
            ["Bff__Limits__MaxDepth"] = "-1",
        };
        var watch = Stopwatch.StartNew();
        using var host = BuiltProgram.Start("src/WebBff", "Bff.WebBff", environment, "--urls", "http://127.0.0.1:0", $"--Bff:Schema={sdl}");

        var exitCode = await host.WaitForExitAsync(Timeout);

        var output = host.Output;
        Assert.True(exitCode == 1, $"exit code {exitCode} after {watch.Elapsed}:\n{output}");
        Assert.DoesNotMatch(StackFrame(), output);
        Assert.Single(Regex.Matches(output, "Bff configuration is invalid"));
        Assert.Single(Regex.Matches(output, Regex.Escape("environment variable Bff__Auth__ClockSkew: Bff:Auth:ClockSkew must be between")));
        Assert.Single(Regex.Matches(output, Regex.Escape("environment variable Bff__Limits__MaxDepth: Bff:Limits:MaxDepth must be 0 (off) or more")));
        Assert.Single(Regex.Matches(output, Regex.Escape($"{sdl}:2: Query.job: {{args.jobId}} has no value")));
        Assert.Single(Regex.Matches(output, Regex.Escape($"{sdl}:5: Subscription.jobPosted: ")));
    }

    [Fact]
    public async Task A_source_that_exists_only_in_an_environment_variable_is_blamed_on_that_variable()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Bff__Sources__billing__Auth__Value"] = "Bearer secret",
        };
        using var host = BuiltProgram.Start("src/WebBff", "Bff.WebBff", environment, "--urls", "http://127.0.0.1:0");

        var exitCode = await host.WaitForExitAsync(Timeout);

        var output = host.Output;
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains("environment variable Bff__Sources__billing__Auth__Value: Bff:Sources:billing:BaseAddress: an absolute URI is required", output);
        Assert.DoesNotContain("appsettings.json: Bff:Sources:billing", output);
        Assert.DoesNotContain("Bearer secret", output);
        Assert.DoesNotMatch(StackFrame(), output);
    }

    [Fact]
    public async Task A_value_that_does_not_convert_is_named_with_its_variable_and_exit_code_1()
    {
        var environment = new Dictionary<string, string> { ["Bff__Limits__MaxDepth"] = "twelve" };
        using var host = BuiltProgram.Start("src/WebBff", "Bff.WebBff", environment, "--urls", "http://127.0.0.1:0");

        var exitCode = await host.WaitForExitAsync(Timeout);

        var output = host.Output;
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains("environment variable Bff__Limits__MaxDepth: Bff:Limits:MaxDepth: cannot be read as Int32.", output);
        Assert.DoesNotMatch(StackFrame(), output);
    }

    [Fact]
    public async Task A_held_port_is_named_with_exit_code_1_not_a_crash()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;
        using var host = BuiltProgram.Start("src/WebBff", "Bff.WebBff", new Dictionary<string, string>(), "--urls", $"http://127.0.0.1:{port}");

        var exitCode = await host.WaitForExitAsync(Timeout);

        var output = host.Output;
        Assert.True(exitCode == 1, $"exit code {exitCode}:\n{output}");
        Assert.Contains($"Failed to bind to address http://127.0.0.1:{port}: address already in use.", output);
        // The generic host logs its start failure with the exception (its own "Hosting failed to start"); the crash is gone.
        Assert.DoesNotContain("Unhandled exception", output);
    }

    [GeneratedRegex(@"^\s+at \S", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
