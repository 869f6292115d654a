using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bff.Bench.Gateway;

/// <summary>A throw-away redis-server for the protections-on run, or none when redis-server is not installed.</summary>
internal sealed class RedisServer : IDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Address = $"127.0.0.1:{port}";
    }

    public string Address { get; }

    /// <summary>Gets how many scripts (EVAL and EVALSHA) Redis has run, from <c>INFO commandstats</c>.</summary>
    public async Task<long> ScriptCallsAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, int.Parse(Address.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        var stream = client.GetStream();
        await stream.WriteAsync("INFO commandstats\r\n"u8.ToArray());
        var text = new System.Text.StringBuilder();
        var buffer = new byte[8192];
        // A bulk reply: "$<length>\r\n<text>\r\n"; read until the whole text is there.
        while (true)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            text.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
            var all = text.ToString();
            var end = all.IndexOf("\r\n", StringComparison.Ordinal);
            if (end > 1 && all.Length >= end + 2 + int.Parse(all[1..end], System.Globalization.CultureInfo.InvariantCulture))
            {
                break;
            }
        }

        return System.Text.RegularExpressions.Regex.Matches(text.ToString(), @"cmdstat_eval(?:sha)?:calls=(\d+)")
            .Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static RedisServer? TryStart()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        try
        {
            var process = Process.Start(new ProcessStartInfo("redis-server", ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"])
            {
                RedirectStandardOutput = true,
            })!;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            Thread.Sleep(300);
            return new RedisServer(process, port);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("redis-server is not installed: the protections-on run is skipped (apt-get install redis-server).");
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
