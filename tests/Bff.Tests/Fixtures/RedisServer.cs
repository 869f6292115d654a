using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bff.Tests.Fixtures;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, started by the test run (no persistence). It can be killed and
/// started again on the same port to play an outage.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        Port = LoopbackPort.Free();
        await StartAsync();
    }

    public Task DisposeAsync()
    {
        Kill();
        return Task.CompletedTask;
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: run .ci/run, or apt-get install redis-server.");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--protected-mode", "no", "--daemonize", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"redis-server did not answer on port {Port}.");
    }

    /// <summary>Kills the server at once (SIGKILL), like a crashed node.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Sends one command in the inline protocol and returns the first reply line.</summary>
    public async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    /// <summary>Sends <paramref name="command"/>, whose reply is a bulk string (e.g. <c>INFO commandstats</c>), and returns its text.</summary>
    public async Task<string> BulkAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var reply = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            reply.Write(buffer, 0, read);
            var text = Encoding.ASCII.GetString(reply.ToArray());
            var end = text.IndexOf("\r\n", StringComparison.Ordinal);
            if (end > 1 && text[0] == '$' && int.Parse(text[1..end], System.Globalization.CultureInfo.InvariantCulture) is var length && text.Length >= end + 2 + length)
            {
                return text.Substring(end + 2, length);
            }
        }

        throw new IOException($"Redis closed the connection before the whole reply to '{command}' arrived.");
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            return await CommandAsync("PING") == "+PONG";
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}

/// <summary>The demo services and one Redis, shared by the tests of shared state (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<DemoServicesFixture>, ICollectionFixture<RedisServer>
{
    public const string Name = "redis";
}
