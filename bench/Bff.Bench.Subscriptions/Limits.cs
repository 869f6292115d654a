namespace Bff.Bench.Subscriptions;

/// <summary>What the operating system allows and measures (Linux /proc).</summary>
public static class Limits
{
    /// <summary>Gets this process's soft limit of open files (each socket is one).</summary>
    public static long OpenFiles()
    {
        var line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        return soft is null ? 0 : soft == "unlimited" ? long.MaxValue : long.Parse(soft, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the resident memory of process <paramref name="pid"/>, in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
