using System.Runtime.CompilerServices;

namespace Bff.Tests.Fixtures;

/// <summary>
/// The test process runs several BFF hosts, the demo services and xunit's own blocking work on two cores; with the
/// default minimum of one thread per core, timers (timeouts, deadlines, break durations) can fire hundreds of
/// milliseconds late while the pool injects threads. Timing assertions need a pool that is not starved.
/// </summary>
internal static class TestThreadPool
{
    [ModuleInitializer]
    internal static void Initialize() => ThreadPool.SetMinThreads(Math.Max(32, Environment.ProcessorCount * 8), Math.Max(32, Environment.ProcessorCount * 8));
}
