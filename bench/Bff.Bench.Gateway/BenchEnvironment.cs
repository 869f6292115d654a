using System.Net;
using System.Net.Sockets;

namespace Bff.Bench.Gateway;

/// <summary>Where the benchmark runs: the repository, the build configuration, free loopback ports.</summary>
internal static class BenchEnvironment
{
    /// <summary>Gets the configuration the benchmark (and so the hosts beside it) was built in.</summary>
    public static string Configuration => AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bff.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Bff.sln not found above the benchmark.");
    }
}
