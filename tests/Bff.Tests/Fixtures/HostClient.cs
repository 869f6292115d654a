using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Bff.Tests.Fixtures;

/// <summary>A started BFF host and a client for it; one per host type and demo fixture, shared by the test classes.</summary>
public sealed class HostClient : IDisposable
{
    // Keyed by fixture too: each collection has its own demo services, and a host must not outlive the ones it calls.
    private static readonly ConcurrentDictionary<(Type, DemoServicesFixture), Lazy<HostClient>> Hosts = new();

    private HostClient(IDisposable factory, HttpClient http, IServiceProvider services)
    {
        Factory = factory;
        Http = http;
        Services = services;
    }

    public IDisposable Factory { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services { get; }

    public static HostClient For<TProgram>(DemoServicesFixture demo)
        where TProgram : class =>
        Hosts.GetOrAdd((typeof(TProgram), demo), _ => new Lazy<HostClient>(() =>
        {
            var factory = new BffHostFactory<TProgram>(demo.HostSettings);
            factory.StartServer();
            var http = factory.CreateClient();
            return new HostClient(factory, http, factory.Services);
        })).Value;

    /// <summary>Starts a host of its own with extra settings (not shared); dispose it at the end of the test.</summary>
    public static HostClient Start<TProgram>(DemoServicesFixture demo, IReadOnlyDictionary<string, string?> settings, string environment = "Testing")
        where TProgram : class
    {
        var all = demo.HostSettings;
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var factory = new BffHostFactory<TProgram>(all, environment);
        factory.StartServer();
        return new HostClient(factory, factory.CreateClient(), factory.Services);
    }

    public void Dispose()
    {
        Http.Dispose();
        Factory.Dispose();
    }

    /// <summary>POSTs a GraphQL request with a bearer token and extra headers.</summary>
    public Task<(int Status, JsonObject Body)> PostAsync(string query, string? token, object? variables = null, params (string Name, string Value)[] headers)
    {
        var request = Request(query, variables, "application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return SendAndDisposeAsync(request);
    }

    /// <summary>POSTs a GraphQL request as application/json and returns status and parsed body.</summary>
    public Task<(int Status, JsonObject Body)> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json") =>
        SendAndDisposeAsync(Request(query, variables, accept));

    private static HttpRequestMessage Request(string query, object? variables, string accept)
    {
        var payload = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            payload["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(variables);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return request;
    }

    private async Task<(int Status, JsonObject Body)> SendAndDisposeAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await SendAsync(request);
        }
    }

    public async Task<(int Status, JsonObject Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        var body = JsonNode.Parse(text) as JsonObject ?? throw new Xunit.Sdk.XunitException("Not a JSON object: " + text);
        return ((int)response.StatusCode, body);
    }

    /// <summary>Gets the calls per source reported in extensions.downstream.</summary>
    public static Dictionary<string, int> CallsPerSource(JsonObject body) =>
        (body["extensions"]?["downstream"] as JsonArray ?? [])
            .GroupBy(c => (string)c!["source"]!)
            .ToDictionary(g => g.Key, g => g.Count());
}
