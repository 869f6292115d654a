using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Bff.Tests.Fixtures;

/// <summary>A started BFF host and a client for it; one per host type, shared by the test classes.</summary>
public sealed class HostClient
{
    private static readonly ConcurrentDictionary<Type, Lazy<HostClient>> Hosts = new();

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
        Hosts.GetOrAdd(typeof(TProgram), _ => new Lazy<HostClient>(() =>
        {
            var factory = new BffHostFactory<TProgram>(demo.HostSettings);
            factory.StartServer();
            var http = factory.CreateClient();
            return new HostClient(factory, http, factory.Services);
        })).Value;

    /// <summary>POSTs a GraphQL request as application/json and returns status and parsed body.</summary>
    public async Task<(int Status, JsonObject Body)> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        var payload = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            payload["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(variables);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        return await SendAsync(request);
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
