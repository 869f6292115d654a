using System.Collections.Concurrent;
using System.Net;

namespace Bff.Bench.RequestPath;

/// <summary>
/// Answers REST calls from memory: each distinct URL is fetched once from the real demo service, then replayed, so
/// the benchmark measures the gateway, not sockets or the downstream.
/// </summary>
internal sealed class InMemoryDownstream(HttpClient real) : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, byte[]> _answers = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery;
        if (!_answers.TryGetValue(path, out var body))
        {
            body = await real.GetByteArrayAsync(new Uri(real.BaseAddress!, path), cancellationToken).ConfigureAwait(false);
            _answers[path] = body;
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
            RequestMessage = request,
        };
    }
}
