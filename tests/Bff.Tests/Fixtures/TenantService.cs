using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.Tests.Fixtures;

/// <summary>
/// A small REST service on a free loopback port, described by <c>Fixtures/Contracts/tenants.openapi.json</c>: every
/// operation answers <c>{"name": "tenant-{X-Tenant}"}</c> and records the headers it received.
/// </summary>
public sealed class TenantService : IAsyncDisposable
{
    public const string Contract = "Fixtures/Contracts/tenants.openapi.json";

    /// <summary>A schema with one field per operation; <c>tenant</c> is cached publicly.</summary>
    public const string Sdl = """
        type Query {
          tenant: String @rest(source: "tenants", path: "/tenant", select: "name") @cache(maxAge: 60)
          report: String @rest(source: "tenants", path: "/reports", select: "name")
          invoices: String @rest(source: "tenants", path: "/invoices", select: "name")
        }
        """;

    private readonly WebApplication _app;

    private TenantService(WebApplication app, Uri url, ConcurrentQueue<(string, Dictionary<string, string>)> requests)
    {
        _app = app;
        Url = url;
        Requests = requests;
    }

    public Uri Url { get; }

    /// <summary>The path and headers of every request received, in order.</summary>
    public ConcurrentQueue<(string Path, Dictionary<string, string> Headers)> Requests { get; }

    public static async Task<TenantService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var requests = new ConcurrentQueue<(string, Dictionary<string, string>)>();
        app.MapGet("/{operation}", (HttpContext http) =>
        {
            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            requests.Enqueue((http.Request.Path.Value!, headers));
            return Results.Json(new { name = "tenant-" + http.Request.Headers["X-Tenant"] });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TenantService(app, new Uri(address), requests);
    }

    /// <summary>Gets the headers of the requests made to <paramref name="path"/>.</summary>
    public List<Dictionary<string, string>> HeadersOf(string path) =>
        Requests.Where(r => r.Path == path).Select(r => r.Headers).ToList();

    /// <summary>Settings that add the <c>tenants</c> source (and the schema file <paramref name="schema"/>) to a host.</summary>
    public Dictionary<string, string?> Settings(string schema, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bff:Schema"] = schema,
            ["Bff:Sources:tenants:Contract"] = Contract,
            ["Bff:Sources:tenants:BaseAddress"] = Url.ToString(),
            ["Bff:Diagnostics:DownstreamCalls"] = "true",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
