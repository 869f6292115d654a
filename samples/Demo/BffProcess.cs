using System.Diagnostics;

namespace Bff.Samples.Demo;

/// <summary>A BFF host run as its own process from its build output, as it runs in production.</summary>
internal sealed class BffProcess(string name, string project, string url, IReadOnlyDictionary<string, string> environment) : IDisposable
{
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

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
    }

    private void Print(string? line)
    {
        if (line is not null)
        {
            Console.WriteLine($"[{Name}] {line}");
        }
    }
}
