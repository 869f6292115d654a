using System.Diagnostics;

namespace Bff.Samples.Demo;

/// <summary>A BFF host run as its own process from its build output, as it runs in production.</summary>
internal sealed class BffProcess(string name, string project, string url, IReadOnlyDictionary<string, string> environment) : IAsyncDisposable
{
    /// <summary>How long a host gets to stop after SIGTERM before its process tree is killed.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private Process? _process;

    public string Name { get; } = name;

    public string Url { get; } = url;

    public bool HasExited => _process?.HasExited ?? true;

    public void Start(string repoRoot, string configuration)
    {
        var directory = Path.Combine(repoRoot, "src", project, "bin", configuration, "net10.0");
        var dll = Path.Combine(directory, $"Bff.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution first (dotnet build Bff.sln).");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var key in start.Environment.Keys.Where(HostEnvironment.IsForwarded).ToList())
        {
            // Only what this host was given below: the launcher's own variables are sorted per host.
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _process.OutputDataReceived += (_, e) => Print(e.Data);
        _process.ErrorDataReceived += (_, e) => Print(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!await ChildProcessStopper.StopAsync(process, StopGrace))
            {
                Console.WriteLine($"[demo] {Name} BFF did not stop within {StopGrace.TotalSeconds} s of SIGTERM; killed it.");
            }

            process.Dispose();
        }
    }

    private void Print(string? line)
    {
        if (line is not null)
        {
            Console.WriteLine($"[{Name}] {line}");
        }
    }
}
