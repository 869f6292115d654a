using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Hosting;

/// <summary>
/// Makes sure a stopping host ends. When stopping begins, a dedicated thread (not a thread-pool thread, which work
/// that ignores cancellation may be holding) waits for the host to stop; if it has not stopped within the shutdown
/// timeout plus <see cref="Grace"/>, the watchdog logs it and ends the process, so the port is freed and the
/// orchestrator can start a replacement. A host that stops in time only cancels the watchdog.
/// </summary>
internal sealed partial class ShutdownWatchdog : IHostedService, IDisposable
{
    /// <summary>How long past the shutdown timeout the watchdog waits before it ends the process.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeSpan _limit;
    private readonly Action _endProcess;
    private readonly ILogger<ShutdownWatchdog> _logger;
    private readonly ManualResetEventSlim _stopped = new();
    private readonly List<CancellationTokenRegistration> _registrations = [];

    public ShutdownWatchdog(IHostApplicationLifetime lifetime, TimeSpan limit, Action endProcess, ILogger<ShutdownWatchdog> logger)
    {
        _lifetime = lifetime;
        _limit = limit;
        _endProcess = endProcess;
        _logger = logger;
    }

    /// <summary>Sets the host's shutdown timeout and adds the watchdog that enforces it.</summary>
    public static void AddTo(IServiceCollection services, TimeSpan shutdownTimeout)
    {
        services.Configure<HostOptions>(host => host.ShutdownTimeout = shutdownTimeout);
        services.AddHostedService(sp => new ShutdownWatchdog(sp.GetRequiredService<IHostApplicationLifetime>(), shutdownTimeout + Grace,
            KillCurrentProcess, sp.GetRequiredService<ILogger<ShutdownWatchdog>>()));
    }

    /// <summary>Ends the current process at once (SIGKILL on Linux): nothing in it can be trusted to finish.</summary>
    public static void KillCurrentProcess() => Process.GetCurrentProcess().Kill();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registrations.Add(_lifetime.ApplicationStopping.Register(Watch));
        _registrations.Add(_lifetime.ApplicationStopped.Register(_stopped.Set));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        _stopped.Set();
        _registrations.ForEach(r => r.Dispose());
    }

    private void Watch()
    {
        var thread = new Thread(() =>
        {
            if (_stopped.Wait(_limit))
            {
                return;
            }

            LogForcedExit(_logger, _limit.TotalSeconds);
            Thread.Sleep(200); // let the console logger write the line
            _endProcess();
        })
        { IsBackground = true, Name = "Bff shutdown watchdog" };
        thread.Start();
    }

    [LoggerMessage(EventId = LogEventIds.Hosting + 3, Level = LogLevel.Critical,
        Message = "The host did not stop within {Seconds} s (requests still hold its threads); ending the process")]
    private static partial void LogForcedExit(ILogger logger, double seconds);
}
