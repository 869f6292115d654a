using System.Diagnostics;

namespace Bff.Samples.Demo;

/// <summary>A local <c>redis-server</c> (no persistence) for the topology, when one is installed.</summary>
internal sealed class RedisProcess(Process process) : IAsyncDisposable
{
    /// <summary>Starts <c>redis-server</c> on <paramref name="port"/>, or returns null when it is not installed.</summary>
    public static RedisProcess? TryStart(int port)
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server", "/opt/homebrew/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (executable is null)
        {
            return null;
        }

        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        process.OutputDataReceived += (_, e) => Print(e.Data);
        process.ErrorDataReceived += (_, e) => Print(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RedisProcess(process);
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcessStopper.StopAsync(process, TimeSpan.FromSeconds(5));
        process.Dispose();
    }

    private static void Print(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.WriteLine($"[redis] {line}");
        }
    }
}
