using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Bff.Tests.Fixtures;

/// <summary>
/// A BFF host run as its own process from its build output (its shipped appsettings.json beside it), as the demo and
/// production run it; settings come as command-line overrides. Killed on dispose if it is still running.
/// </summary>
public sealed partial class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HostProcess(string project, IReadOnlyDictionary<string, string?> settings, string environment)
    {
        var directory = Path.Combine(RepoRoot(), "src", project, "bin", Configuration(), "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, $"Bff.{project}.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {project}.");
        _process.OutputDataReceived += (_, e) => Received(e.Data);
        _process.ErrorDataReceived += (_, e) => Received(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Gets the address the host listens on.</summary>
    public Uri Url => _listening.Task.Result;

    /// <summary>Gets everything the process printed so far.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts <paramref name="project"/> (<c>WebBff</c> or <c>MobileBff</c>) and waits until it listens.</summary>
    public static async Task<HostProcess> StartAsync(string project, IReadOnlyDictionary<string, string?> settings, string environment = "Development")
    {
        var host = new HostProcess(project, settings, environment);
        var exited = host._process.WaitForExitAsync();
        var first = await Task.WhenAny(host._listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != host._listening.Task)
        {
            var output = host.Output;
            host.Dispose();
            throw new InvalidOperationException($"{project} did not start listening:\n{output}");
        }

        return host;
    }

    /// <summary>Sends SIGTERM, as Ctrl-C of the demo, <c>docker stop</c> or Kubernetes do, and waits up to <paramref name="timeout"/> for the exit.</summary>
    public async Task<int?> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    private static string Configuration() => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    internal static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bff.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bff.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
