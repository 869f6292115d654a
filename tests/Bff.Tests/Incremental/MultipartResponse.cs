using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Bff.Tests.Incremental;

/// <summary>
/// A GraphQL POST answered over real HTTP, read part by part as the parts arrive (the way Apollo Client reads
/// <c>multipart/mixed</c>): each part is complete once the delimiter after it has arrived.
/// </summary>
internal sealed class MultipartResponse : IDisposable
{
    public const string ApolloAccept = "multipart/mixed;deferSpec=20220824, application/json";
    private const string Delimiter = "\r\n---";
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly StringBuilder _received = new();
    private readonly byte[] _buffer = new byte[8192];
    private int _consumed;

    private MultipartResponse(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _body = body;
    }

    public HttpResponseMessage Response => _response;

    public string? ContentType => _response.Content.Headers.ContentType?.ToString();

    public static async Task<MultipartResponse> PostAsync(HttpClient http, string query, object? variables = null, string accept = ApolloAccept)
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
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return new MultipartResponse(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Reads the next part as soon as it is complete; <see langword="null"/> once the closing delimiter has arrived.</summary>
    public async Task<JsonObject?> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var text = _received.ToString();
            var start = text.IndexOf(Delimiter, _consumed, StringComparison.Ordinal);
            if (start >= 0 && text.AsSpan(start + Delimiter.Length).StartsWith("--\r\n"))
            {
                return null;
            }

            var end = start < 0 ? -1 : text.IndexOf(Delimiter, start + Delimiter.Length, StringComparison.Ordinal);
            if (end > 0)
            {
                _consumed = end;
                var part = text[(start + Delimiter.Length)..end];
                var headersEnd = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                Assert.Contains("Content-Type: application/json; charset=utf-8", part[..headersEnd], StringComparison.Ordinal);
                return JsonNode.Parse(part[(headersEnd + 4)..])!.AsObject();
            }

            var read = await _body.ReadAsync(_buffer, cancel.Token);
            if (read == 0)
            {
                throw new Xunit.Sdk.XunitException("The body ended without the closing delimiter: " + text);
            }

            _received.Append(Encoding.UTF8.GetString(_buffer, 0, read));
        }
    }

    /// <summary>Reads every remaining part.</summary>
    public async Task<List<JsonObject>> RestAsync()
    {
        var parts = new List<JsonObject>();
        while (await NextAsync() is { } part)
        {
            parts.Add(part);
        }

        return parts;
    }

    public async Task<string> ReadAllTextAsync() => await new StreamReader(_body).ReadToEndAsync();

    public void Dispose()
    {
        _body.Dispose();
        _response.Dispose();
    }

    /// <summary>Applies the incremental payloads to the initial data, as a client does, and returns the merged data.</summary>
    public static JsonObject Merge(JsonObject initial, IEnumerable<JsonObject> parts)
    {
        var data = initial["data"]!.DeepClone().AsObject();
        foreach (var entry in parts.SelectMany(p => p["incremental"]?.AsArray() ?? []))
        {
            var path = entry!["path"]!.AsArray().Select(s => s!.GetValueKind() == System.Text.Json.JsonValueKind.Number ? (object)(int)s : (string)s!).ToList();
            if (entry["items"] is JsonArray items)
            {
                var list = Walk(data, path.Take(path.Count - 1)).AsArray();
                foreach (var item in items)
                {
                    list.Add(item?.DeepClone());
                }
            }
            else if (entry["data"] is JsonObject fragment)
            {
                var target = Walk(data, path).AsObject();
                foreach (var (name, value) in fragment)
                {
                    target[name] = value?.DeepClone();
                }
            }
        }

        return data;
    }

    private static JsonNode Walk(JsonNode node, IEnumerable<object> path) =>
        path.Aggregate(node, (current, step) => step is int index ? current[index]! : current[(string)step]!);
}
