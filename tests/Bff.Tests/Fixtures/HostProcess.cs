using System.Text.RegularExpressions;

namespace Bff.Tests.Fixtures;

/// <summary>
/// A BFF host run as its own process from its build output (its shipped appsettings.json beside it), as the demo and
/// production run it, listening on a free loopback port; settings come as command-line overrides.
/// </summary>
public sealed partial class HostProcess : IDisposable
{
    private readonly BuiltProgram _program;

    private HostProcess(BuiltProgram program, Uri url)
    {
        _program = program;
        Url = url;
    }

    /// <summary>Gets the address the host listens on.</summary>
    public Uri Url { get; }

    /// <summary>Gets everything the process printed so far.</summary>
    public string Output => _program.Output;

    /// <summary>Starts <paramref name="project"/> (<c>WebBff</c> or <c>MobileBff</c>) and waits until it listens.</summary>
    public static async Task<HostProcess> StartAsync(string project, IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        var arguments = settings.Select(s => $"--{s.Key}={s.Value}").Prepend("--urls=http://127.0.0.1:0").ToArray();
        var program = BuiltProgram.Start($"src/{project}", $"Bff.{project}", new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment }, arguments);
        try
        {
            await program.WaitForOutputAsync("Now listening on: ", TimeSpan.FromSeconds(60));
            return new HostProcess(program, new Uri(ListeningLine().Match(program.Output).Groups[1].Value));
        }
        catch
        {
            program.Dispose();
            throw;
        }
    }

    /// <summary>Sends SIGTERM, as Ctrl-C of the demo, <c>docker stop</c> or Kubernetes do, and waits up to <paramref name="timeout"/> for the exit.</summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", _program.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            return await _program.WaitForExitAsync(timeout);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public void Dispose() => _program.Dispose();

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
