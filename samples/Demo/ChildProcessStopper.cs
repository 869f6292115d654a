using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Bff.Samples.Demo;

/// <summary>
/// Stops a child process the way a terminal would (SIGTERM, so it can shut down gracefully), and kills its whole
/// process tree if it has not exited after a grace period: a host stuck in runaway work must not outlive the demo.
/// </summary>
internal static partial class ChildProcessStopper
{
    private const int SigTerm = 15;

    /// <summary>Returns <see langword="true"/> when the process exited within <paramref name="grace"/>, <see langword="false"/> when it had to be killed.</summary>
    public static async Task<bool> StopAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited)
        {
            return true;
        }

        if (OperatingSystem.IsWindows() || SendSignal(process.Id, SigTerm) != 0)
        {
            // No SIGTERM to send (or the process is already gone): the grace period has nothing to wait for.
            grace = TimeSpan.Zero;
        }

        using (var graceful = new CancellationTokenSource(grace))
        {
            try
            {
                await process.WaitForExitAsync(graceful.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
            }
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited just now.
        }

        using var killed = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(killed.Token);
        return false;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
