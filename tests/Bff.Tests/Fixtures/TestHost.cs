using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Fixtures;

/// <summary>
/// A real BFF host on Kestrel owned by one test: its own settings (short timeouts and break durations), its own
/// circuits, optionally extra services. Dispose it at the end of the test.
/// </summary>
public sealed class TestHost<TProgram> : BffHostFactory<TProgram>
    where TProgram : class
{
    public TestHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
        : base(settings, "Testing", services)
    {
        StartServer();
        Http = CreateClient();
    }

    public HttpClient Http { get; }

    public async Task<(int Status, JsonObject Body)> PostAsync(string query, object? variables = null, CancellationToken cancellationToken = default)
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
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/graphql-response+json"));
        using var response = await Http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        return ((int)response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    public async Task<JsonObject> ReadyAsync()
    {
        using var response = await Http.GetAsync("/health/ready");
        Assert.Equal(200, (int)response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
