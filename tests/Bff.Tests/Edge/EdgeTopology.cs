using System.Net;
using System.Net.Sockets;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Edge;

/// <summary>
/// The one-machine topology as processes on loopback: the built front door (its shipped appsettings.json, a generated
/// certificate), two replicas of each built host on one real redis-server, the demo services. The hosts believe
/// X-Forwarded-For only from the front door's address (127.0.0.1); the web host has a rate limit of 200 per hour and a
/// canary replica (cluster <c>web-canary</c>, reached with <c>X-Canary: 1</c> as the shipped appsettings.json configures).
/// </summary>
public sealed class EdgeTopology : IAsyncLifetime
{
    /// <summary>The web host's requests limit per caller (per hour, burst the same).</summary>
    public const int WebLimit = 200;

    private readonly DemoServicesFixture _demo = new();
    private readonly RedisServer _redis = new();
    private readonly string _prefix = SharedStateSettings.UniquePrefix("edge");

    public Dictionary<string, int> Ports { get; } = [];

    public Dictionary<string, HostProcess> Replicas { get; } = [];

    public BuiltProgram Edge { get; private set; } = null!;

    public Uri Https => new($"https://127.0.0.1:{Ports["https"]}");

    public Uri Http => new($"http://127.0.0.1:{Ports["http"]}");

    public async Task InitializeAsync()
    {
        await _demo.InitializeAsync();
        await _redis.InitializeAsync();
        foreach (var name in new[] { "mobile-1", "mobile-2", "web-1", "web-2", "web-canary-1", "https", "http" })
        {
            Ports[name] = LoopbackPort.Free();
        }

        await Task.WhenAll(new[] { "mobile-1", "mobile-2", "web-1", "web-2", "web-canary-1" }.Select(StartReplicaAsync));
        var environment = new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = Http.ToString(),
            ["Kestrel__Endpoints__Https__Url"] = Https.ToString(),
            ["Logging__LogLevel__Yarp"] = "Information",
            ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
        };
        foreach (var replica in Replicas.Keys)
        {
            environment[$"ReverseProxy__Clusters__{replica[..^2]}__Destinations__{replica}__Address"] = $"http://127.0.0.1:{Ports[replica]}";
        }

        Edge = BuiltProgram.Start("src/Edge", "Bff.Edge", environment);
        await Edge.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        Edge?.Dispose();
        foreach (var replica in Replicas.Values)
        {
            try
            {
                replica.Dispose();
            }
            catch (InvalidOperationException)
            {
                // Killed by a test that failed before starting it again.
            }
        }

        await _redis.DisposeAsync();
        await _demo.DisposeAsync();
    }

    /// <summary>Starts (or starts again) one replica on its port.</summary>
    public async Task StartReplicaAsync(string name)
    {
        var project = name.StartsWith("mobile", StringComparison.Ordinal) ? "MobileBff" : "WebBff";
        var settings = SharedStateSettings.For(_demo, _redis, _prefix + project,
            ("urls", $"http://127.0.0.1:{Ports[name]}"),
            ("Bff:RateLimiting:TrustedProxies:0", "127.0.0.1/32"),
            ("Bff:Introspection:Enabled", "true"),
            ("Bff:Diagnostics:DownstreamCalls", "false"),
            ("Bff:RateLimiting:Enabled", project == "WebBff" ? "true" : "false"),
            ("Bff:RateLimiting:Policies:requests:PermitLimit", $"{WebLimit}"),
            ("Bff:RateLimiting:Policies:requests:Burst", $"{WebLimit}"),
            ("Bff:RateLimiting:Policies:requests:Window", "01:00:00"),
            ("Bff:RateLimiting:Policies:cost:PermitLimit", "1000000"),
            ("Bff:RateLimiting:Policies:cost:Burst", "1000000"));
        if (project == "MobileBff")
        {
            settings["Bff:TrustedDocuments:Mode"] = "Allow";
        }

        var replica = await HostProcess.StartAsync(project, settings);
        Replicas[name] = replica;

        // Shared state only counts once the replica uses Redis (until then it serves from memory).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!replica.Output.Contains("Redis connected", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>A client that trusts the development certificate, follows no redirect and connects from <paramref name="local"/>.</summary>
    public static HttpClient Client(string local = "127.0.0.1") => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(local), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { Timeout = TimeSpan.FromSeconds(20) };
}

/// <summary>The topology tests: one set of processes, one test at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EdgeTopologyCollection : ICollectionFixture<EdgeTopology>
{
    public const string Name = "edge topology";
}
