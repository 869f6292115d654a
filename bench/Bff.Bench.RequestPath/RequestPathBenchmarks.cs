using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Bff.Http;
using Bff.Samples.Common;
using Bff.Samples.Jobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Bench.RequestPath;

/// <summary>
/// One GraphQL request through the web host's endpoint, in process: the document cache is warm, the REST downstream
/// answers from memory. Reports time and allocated bytes per request.
/// </summary>
[MemoryDiagnoser]
public class RequestPathBenchmarks
{
    private const string Q1 = "{ jobsByIds(ids: [\"j7\"]) { id title description } }";
    private const string Dashboard = "{ jobs(first: 20) { nodes { id title budget { min max currency } skills status } } }";
    private WebApplication _jobs = null!;
    private WebApplication _host = null!;
    private GraphQLHttpEndpoint _endpoint = null!;
    private WebApplication? _protectedHost;
    private GraphQLHttpEndpoint? _protectedEndpoint;
    private Bff.Bench.RedisProcess? _redis;
    private byte[] _q1 = null!;
    private byte[] _list = null!;
    private byte[] _typename = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _jobs = JobsService.Create("http://127.0.0.1:0", new RequestLog(), new HttpFaults());
        await _jobs.StartAsync();
        var real = new HttpClient { BaseAddress = new Uri(_jobs.Urls.First()) };

        (_host, _endpoint) = Build(real, protections: null);
        if (Bff.Bench.RedisProcess.Available)
        {
            // The same host with Redis rate limiting on (limits too high to refuse): what the protections cost per request.
            _redis = new Bff.Bench.RedisProcess();
            (_protectedHost, _protectedEndpoint) = Build(real, protections: $"127.0.0.1:{_redis.Port}");
        }

        _q1 = Body(Q1);
        _list = Body(Dashboard);
        _typename = Body("{ __typename }");
        await RunAsync(_q1);
        await RunAsync(_list);
    }

    /// <summary>Gets whether the protections host runs (redis-server is installed).</summary>
    public bool HasProtections => _protectedEndpoint is not null;

    private static (WebApplication Host, GraphQLHttpEndpoint Endpoint) Build(HttpClient real, string? protections)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "web.appsettings.json"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bff:Sources:jobs:BaseAddress"] = real.BaseAddress!.ToString(),
            ["Bff:Sources:profiles:BaseAddress"] = "http://127.0.0.1:1",
            ["Bff:Sources:proposals:BaseAddress"] = "http://127.0.0.1:2",
            ["Bff:Sources:reviews:BaseAddress"] = "http://127.0.0.1:4",
            ["Bff:Auth:Authority"] = "http://127.0.0.1:3",
            ["Bff:Auth:RequireHttpsMetadata"] = "false",
            ["Bff:Caching:Enabled"] = "false",
            ["Bff:RateLimiting:Enabled"] = protections is null ? "false" : "true",
            ["Bff:RateLimiting:Policies:requests:PermitLimit"] = "100000000",
            ["Bff:RateLimiting:Policies:cost:PermitLimit"] = "1000000000",
            ["ConnectionStrings:Redis"] = protections,
            ["Bff:Diagnostics:DownstreamCalls"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBff();
        builder.Services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new InMemoryDownstream(real)));
        var host = builder.Build();
        host.MapBff();
        if (protections is not null)
        {
            host.StartAsync().GetAwaiter().GetResult(); // connects to Redis (a hosted service)
        }

        return (host, host.Services.GetRequiredService<GraphQLHttpEndpoint>());
    }

    [Benchmark(Baseline = true)]
    public Task<long> Q1_one_rest_call() => RunAsync(_q1);

    [Benchmark]
    public Task<long> List_of_20_jobs() => RunAsync(_list);

    /// <summary>The endpoint alone: no downstream call.</summary>
    [Benchmark]
    public Task<long> Typename_only() => RunAsync(_typename);

    /// <summary>Q1 with Redis rate limiting on (skipped, returning 0, without redis-server).</summary>
    [Benchmark]
    public Task<long> Q1_protections_on() => _protectedEndpoint is null ? Task.FromResult(0L) : RunAsync(_q1, _protectedHost!, _protectedEndpoint);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _host.DisposeAsync();
        if (_protectedHost is not null)
        {
            await _protectedHost.StopAsync();
            await _protectedHost.DisposeAsync();
        }

        _redis?.Dispose();
        await _jobs.StopAsync();
    }

    private Task<long> RunAsync(byte[] body) => RunAsync(body, _host, _endpoint);

    private static async Task<long> RunAsync(byte[] body, WebApplication host, GraphQLHttpEndpoint endpoint)
    {
        var context = new DefaultHttpContext { RequestServices = host.Services };
        context.Request.Method = "POST";
        context.Request.Path = "/graphql";
        context.Request.ContentType = "application/json";
        context.Request.Headers.Accept = "application/graphql-response+json";
        context.Request.Body = new MemoryStream(body, writable: false);
        context.Request.ContentLength = body.Length;
        var response = new MemoryStream();
        context.Response.Body = response;
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        await endpoint.HandleAsync(context);
        if (context.Response.StatusCode != 200)
        {
            throw new InvalidOperationException($"HTTP {context.Response.StatusCode}: {Encoding.UTF8.GetString(response.ToArray())}");
        }

        return response.Length;
    }

    private static byte[] Body(string query) => Encoding.UTF8.GetBytes(new JsonObject { ["query"] = query }.ToJsonString());
}
