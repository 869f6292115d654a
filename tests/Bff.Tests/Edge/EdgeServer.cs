using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net;
using System.Net.Security;
using Bff.Edge;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bff.Tests.Edge;

/// <summary>The front door in-process on free loopback ports, with its shipped appsettings.json and test overrides.</summary>
internal sealed class EdgeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EdgeServer(WebApplication app, Uri https, Uri http)
    {
        _app = app;
        Https = https;
        Http = http;
    }

    public Uri Https { get; }

    public Uri Http { get; }

    public IServiceProvider Services => _app.Services;

    public static string ContentRoot => Path.Combine(Fixtures.BuiltProgram.RepoRoot, "src", "Edge");

    /// <summary>Starts the front door; <paramref name="settings"/> override appsettings.json (e.g. the replicas' addresses).</summary>
    public static async Task<EdgeServer> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var args = new List<string> { "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0", "--Kestrel:Endpoints:Https:Url=https://127.0.0.1:0", "--Logging:LogLevel:Default=Warning" };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        var app = EdgeApplication.Create([.. args], ContentRoot);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return new EdgeServer(app, addresses.Single(a => a.Scheme == "https"), addresses.Single(a => a.Scheme == "http"));
    }

    /// <summary>Settings pointing both device clusters (and the web canary) at the given replicas.</summary>
    public static Dictionary<string, string> Clusters(IEnumerable<FakeReplica> mobile, IEnumerable<FakeReplica> web, IEnumerable<FakeReplica>? canary = null)
    {
        var settings = new Dictionary<string, string>();
        void Add(string cluster, IEnumerable<FakeReplica> replicas)
        {
            var i = 0;
            foreach (var replica in replicas)
            {
                settings[$"ReverseProxy:Clusters:{cluster}:Destinations:{cluster}-{++i}:Address"] = replica.Address;
            }
        }

        Add("mobile", mobile);
        Add("web", web);
        Add("web-canary", canary ?? []);
        return settings;
    }

    /// <summary>A client that accepts the development certificate and does not follow redirects.</summary>
    public static HttpClient Client(Version? version = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    })
    {
        DefaultRequestVersion = version ?? HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(20),
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
