using Bff.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bff.Tests.Hosting;

public sealed class ShutdownWatchdogTests
{
    [Fact]
    public async Task A_host_that_does_not_stop_in_time_is_ended()
    {
        using var lifetime = new Lifetime();
        var ended = new TaskCompletionSource();
        using var watchdog = new ShutdownWatchdog(lifetime, TimeSpan.FromMilliseconds(200), () => ended.TrySetResult(), NullLogger<ShutdownWatchdog>.Instance);
        await watchdog.StartAsync(default);

        await lifetime.Stopping.CancelAsync();

        await ended.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_host_that_stops_in_time_is_left_alone()
    {
        using var lifetime = new Lifetime();
        var ended = false;
        using var watchdog = new ShutdownWatchdog(lifetime, TimeSpan.FromMilliseconds(200), () => ended = true, NullLogger<ShutdownWatchdog>.Instance);
        await watchdog.StartAsync(default);

        await lifetime.Stopping.CancelAsync();
        await lifetime.Stopped.CancelAsync();
        await Task.Delay(800);

        Assert.False(ended);
    }

    [Fact]
    public async Task Nothing_happens_before_stopping_begins()
    {
        using var lifetime = new Lifetime();
        var ended = false;
        using var watchdog = new ShutdownWatchdog(lifetime, TimeSpan.FromMilliseconds(50), () => ended = true, NullLogger<ShutdownWatchdog>.Instance);
        await watchdog.StartAsync(default);

        await Task.Delay(400);

        Assert.False(ended);
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationTokenSource Stopping { get; } = new();

        public CancellationTokenSource Stopped { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => Stopped.Token;

        public void StopApplication() => Stopping.Cancel();

        public void Dispose()
        {
            Started.Dispose();
            Stopping.Dispose();
            Stopped.Dispose();
        }
    }
}
