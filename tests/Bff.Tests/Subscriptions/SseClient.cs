using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Bff.Tests.Subscriptions;

/// <summary>A GraphQL-over-SSE client over a real HTTP response stream: one event (or comment) at a time.</summary>
public sealed class SseClient : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _reader = new StreamReader(stream, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    /// <summary>POSTs <paramref name="query"/> accepting <c>text/event-stream</c>, and returns once the headers arrived.</summary>
    public static async Task<SseClient> OpenAsync(HttpClient http, string query, string? token = null, Action<HttpRequestMessage>? configure = null, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        configure?.Invoke(request);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return new SseClient(response, await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    /// <summary>Reads the next event: (<c>next</c>|<c>complete</c>, its data), or (":", "") for a heartbeat comment; <see langword="null"/> at the end.</summary>
    public async Task<(string Event, JsonObject? Data)?> ReadAsync(int seconds = 10)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        string? name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    var text = data.ToString();
                    return (name, text.Length == 0 ? null : JsonNode.Parse(text)!.AsObject());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                return (":", null);
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line[7..];
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line[5..].TrimStart());
            }
        }

        return null;
    }

    /// <summary>Reads the next event that is not a heartbeat.</summary>
    public async Task<(string Event, JsonObject? Data)?> NextEventAsync(int seconds = 10)
    {
        while (true)
        {
            var read = await ReadAsync(seconds);
            if (read is not { Event: ":" })
            {
                return read;
            }
        }
    }

    /// <summary>Reads the rest of the body as text (a refusal answered before the stream started).</summary>
    public Task<string> ReadBodyAsync() => _reader.ReadToEndAsync();

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
