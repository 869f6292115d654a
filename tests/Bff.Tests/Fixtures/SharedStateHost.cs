using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.Tests.Fixtures;

/// <summary>
/// A real BFF host for the shared-state tests: its own settings (Redis, key prefix, policies), an environment,
/// the host's own JWT authentication accepting <see cref="TestTokens"/>, an optional <see cref="TimeProvider"/>, and captured log events.
/// </summary>
public sealed class SharedStateHost<TProgram> : BffHostFactory<TProgram>
    where TProgram : class
{
    private readonly TimeProvider? _time;

    public SharedStateHost(IReadOnlyDictionary<string, string?> settings, string environment = "Testing", TimeProvider? time = null)
        : base(settings, environment)
    {
        _time = time;
    }

    public ConcurrentQueue<(int EventId, string Message)> Logs { get; } = new();

    /// <summary>Starts the host and returns a client for it.</summary>
    public GraphQLClient Start()
    {
        StartServer();
        return new GraphQLClient(CreateClient());
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        if (_time is not null)
        {
            services.AddSingleton(_time);
        }

        services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(int, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(logs);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<(int, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue((eventId.Id, formatter(state, exception)));
        }
    }
}

/// <summary>A GraphQL-over-HTTP client that returns status, body and headers.</summary>
public sealed class GraphQLClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    public async Task<GraphQLResponse> PostAsync(JsonObject payload, string? token = null, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token, headers);
    }

    public Task<GraphQLResponse> QueryAsync(string query, object? variables = null, string? token = null, IDictionary<string, string>? headers = null)
    {
        var payload = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            payload["variables"] = System.Text.Json.JsonSerializer.SerializeToNode(variables);
        }

        return PostAsync(payload, token, headers);
    }

    public async Task<GraphQLResponse> GetAsync(string pathAndQuery, string? token = null) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery), token, null);

    private async Task<GraphQLResponse> SendAsync(HttpRequestMessage request, string? token, IDictionary<string, string>? headers)
    {
        using (request)
        {
            request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse("application/graphql-response+json"));
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("   at ", text);
            var body = JsonNode.Parse(text) as JsonObject ?? throw new Xunit.Sdk.XunitException("Not a JSON object: " + text);
            var all = response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            return new GraphQLResponse((int)response.StatusCode, body, all);
        }
    }
}

/// <summary>One response: status, body, headers (case-insensitive).</summary>
public sealed record GraphQLResponse(int Status, JsonObject Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? Code => (string?)Body["errors"]?[0]?["extensions"]?["code"];

    /// <summary>The outcomes of the downstream calls in extensions.downstream, in order.</summary>
    public IReadOnlyList<string> Outcomes => (Body["extensions"]?["downstream"] as JsonArray ?? []).Select(c => (string)c!["outcome"]!).ToList();
}
