using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Bff.Tests.Fixtures;

/// <summary>
/// Runs a program of this repository from its own build output (<c>dotnet src/WebBff/bin/…/Bff.WebBff.dll</c>) as a
/// real process, with no <c>Bff__</c> variables inherited from the test run; output is collected, the whole process
/// tree is killed on dispose.
/// </summary>
public sealed class BuiltProgram : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private BuiltProgram(Process process) => _process = process;

    /// <summary>Gets the repository root (the folder with Bff.sln).</summary>
    public static string RepoRoot { get; } = Bff.Samples.Demo.RepoRoot.Find();

    /// <summary>Gets stdout and stderr so far, interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Gets the process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts <c>dotnet {project dir}/bin/{configuration}/net10.0/{assembly}.dll</c> with <paramref name="arguments"/>.</summary>
    /// <param name="projectDirectory">The project folder relative to the repository root, e.g. <c>src/WebBff</c>.</param>
    /// <param name="assembly">The assembly name, e.g. <c>Bff.WebBff</c>.</param>
    /// <param name="environment">Variables to set (after the inherited <c>Bff__</c>-style ones are removed).</param>
    /// <param name="arguments">Command-line arguments.</param>
    public static BuiltProgram Start(string projectDirectory, string assembly, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var configuration = typeof(BuiltProgram).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var directory = Path.Combine(RepoRoot, projectDirectory, "bin", configuration, "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(directory, assembly + ".dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.Contains("Bff__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var program = new BuiltProgram(process);
        process.OutputDataReceived += (_, e) => program.Append(e.Data);
        process.ErrorDataReceived += (_, e) => program.Append(e.Data);
        process.Exited += (_, _) => program._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return program;
    }

    /// <summary>Waits for the process to exit and returns its exit code; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _exited.Task.WaitAsync(timeout);
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; fails if the process exits first or after <paramref name="timeout"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(_exited.Task.IsCompleted, $"exited before printing '{text}':\n{Output}");
            Assert.True(DateTime.UtcNow < deadline, $"no '{text}' within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}

/// <summary>
/// Tests that run built programs as processes (a host, or the demo launcher with both hosts): they run alone, after
/// the parallel tests, so their start-up load does not skew the timing of other tests on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessCollection
{
    public const string Name = "Built programs";
}
