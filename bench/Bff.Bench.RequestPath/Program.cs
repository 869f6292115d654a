using BenchmarkDotNet.Running;
using Bff.Bench.RequestPath;

// dotnet run -c Release --project bench/Bff.Bench.RequestPath            (BenchmarkDotNet, MemoryDiagnoser)
// dotnet run -c Release --project bench/Bff.Bench.RequestPath -- --quick (one in-process pass: allocated bytes per request)
if (args is ["--quick"] or ["--quick", "--allocations"])
{
    using var sampler = args.Length > 1 ? new AllocationSampler() : null;
    var benchmarks = new RequestPathBenchmarks();
    await benchmarks.SetupAsync();
    foreach (var (name, run) in new (string, Func<Task<long>>)[] { ("Q1_one_rest_call", benchmarks.Q1_one_rest_call), ("List_of_20_jobs", benchmarks.List_of_20_jobs), ("Typename_only", benchmarks.Typename_only), ("Q1_protections_on", benchmarks.Q1_protections_on) })
    {
        for (var i = 0; i < 2000; i++)
        {
            await run();
        }

        const int Requests = 5000;
        sampler?.Clear();
        sampler?.Recording = true;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        // CPU time, not only wall time: on a shared 2-core machine the wall clock also counts other processes' turns.
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Requests; i++)
        {
            await run();
        }

        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / Requests;
        var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / Requests;
        Console.WriteLine($"{name}: {allocated:N0} bytes allocated per request, {watch.Elapsed.TotalMicroseconds / Requests:F1} µs per request, {cpu:F1} µs CPU per request");
        if (sampler is not null)
        {
            sampler.Recording = false;
            foreach (var (type, bytes) in sampler.Top(25))
            {
                Console.WriteLine($"    {bytes / Requests,8:N0} B/request  {type}");
            }
        }
    }

    await benchmarks.CleanupAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RequestPathBenchmarks).Assembly).Run(args);
