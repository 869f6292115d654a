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
