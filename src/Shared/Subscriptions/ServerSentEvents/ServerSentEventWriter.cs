using System.Text;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bff.Subscriptions.ServerSentEvents;

/// <summary>Writes the graphql-sse event stream of one response: <c>next</c> and <c>complete</c> events, heartbeat comments.</summary>
internal sealed class ServerSentEventWriter
{
    private static readonly byte[] NextPrefix = "event: next\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();
    private static readonly byte[] CompleteEvent = "event: complete\ndata:\n\n"u8.ToArray();
    private static readonly byte[] HeartbeatComment = ":\n\n"u8.ToArray();

    private readonly HttpResponse _response;
    private readonly IGraphQLTextSerializer _serializer;

    private ServerSentEventWriter(HttpResponse response, IGraphQLTextSerializer serializer) => (_response, _serializer) = (response, serializer);

    /// <summary>Starts the event stream: no buffering anywhere on the way (proxies included), no caching.</summary>
    public static async Task<ServerSentEventWriter> StartAsync(HttpContext context, IGraphQLTextSerializer serializer)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";
        response.Headers["X-Accel-Buffering"] = "no"; // nginx: do not buffer this response
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        return new ServerSentEventWriter(response, serializer);
    }

    /// <summary>Writes a <c>next</c> event with <paramref name="result"/>.</summary>
    public async Task NextAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        // The serializer writes one line: JSON escapes every line break inside strings.
        var json = Encoding.UTF8.GetBytes(_serializer.Serialize(result));
        await _response.Body.WriteAsync(NextPrefix, cancellationToken).ConfigureAwait(false);
        await _response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        await WriteAsync(EventEnd, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the <c>complete</c> event.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => WriteAsync(CompleteEvent, cancellationToken);

    /// <summary>Writes a comment, which keeps an idle connection open through proxies.</summary>
    public Task HeartbeatAsync(CancellationToken cancellationToken) => WriteAsync(HeartbeatComment, cancellationToken);

    private async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await _response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
