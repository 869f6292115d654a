using System.Globalization;

namespace Bff.Samples.Demo;

/// <summary>Names the process listening on a TCP port, from Linux's <c>/proc</c>; elsewhere, or when not allowed to look, says nothing.</summary>
internal static class PortOwner
{
    private const string Listen = "0A";

    /// <summary>Returns <c>pid N (command line)</c> of the listener on <paramref name="port"/>, or <see langword="null"/>.</summary>
    public static string? Describe(int port)
    {
        try
        {
            var inodes = new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists)
                .SelectMany(File.ReadLines)
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(f => f.Length > 9 && f[3] == Listen && f[1].EndsWith($":{port:X4}", StringComparison.Ordinal))
                .Select(f => $"socket:[{f[9]}]")
                .ToHashSet(StringComparer.Ordinal);
            return inodes.Count == 0 ? null : FindProcess(inodes);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? FindProcess(HashSet<string> sockets)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd")).Any(fd => new FileInfo(fd).LinkTarget is { } target && sockets.Contains(target)))
                {
                    var command = string.Join(' ', File.ReadAllText(Path.Combine(directory, "cmdline")).Split(['\0', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
                    return $"pid {pid} ({(command.Length > 120 ? command[..120] + "…" : command)})";
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's process, or one that just ended: keep looking.
            }
        }

        return null;
    }
}
