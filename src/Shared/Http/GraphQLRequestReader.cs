using Bff.Operations;
using System.Buffers;
using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Bff.Http;

/// <summary>Reads GraphQL-over-HTTP requests: a JSON POST body (one request or a batch array), or GET parameters.</summary>
public sealed class GraphQLRequestReader
{
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLHttpOptions _options;

    /// <summary>Creates a reader.</summary>
    public GraphQLRequestReader(IGraphQLTextSerializer serializer, GraphQLHttpOptions options)
    {
        _serializer = serializer;
        _options = options;
    }

    /// <summary>Reads the requests of a POST, or the reason to refuse it.</summary>
    public async Task<(IReadOnlyList<GraphQLRequest>? Requests, bool IsBatch, RequestRefusal? Refusal)> ReadPostAsync(HttpRequest request)
    {
        if (!GraphQLMediaTypes.IsJsonContent(request.ContentType))
        {
            return (null, false, new(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"POST requests must have Content-Type '{GraphQLMediaTypes.Json}'."));
        }

        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        if (body is null)
        {
            return (null, false, new(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge,
                $"The request body is larger than {_options.MaxRequestBodyBytes} bytes.",
                new Dictionary<string, object?> { ["limit"] = _options.MaxRequestBodyBytes }));
        }

        var text = body.TrimStart();
        try
        {
            if (text.StartsWith('['))
            {
                var batch = _serializer.Deserialize<List<GraphQLRequest?>>(text);
                if (batch is null || batch.Count == 0 || batch.Any(r => r is null))
                {
                    return (null, true, BadRequest("A batch must be a non-empty array of request objects."));
                }

                return batch.Count > _options.MaxBatchOperations
                    ? (null, true, new(StatusCodes.Status400BadRequest, ErrorCodes.MaxBatchOperationsExceeded,
                        $"A batch may carry at most {_options.MaxBatchOperations} operations; this one has {batch.Count}.",
                        new Dictionary<string, object?> { ["limit"] = _options.MaxBatchOperations, ["measured"] = batch.Count }))
                    : (batch!, true, null);
            }

            if (!text.StartsWith('{'))
            {
                return (null, false, BadRequest("The request body must be a JSON object with a 'query'."));
            }

            var single = _serializer.Deserialize<GraphQLRequest>(text);
            return single is null ? (null, false, BadRequest("The request body must be a JSON object with a 'query'.")) : ([single], false, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return (null, false, BadRequest("The request body is not a valid GraphQL request: " + FirstLine(ex.Message)));
        }
    }

    /// <summary>Reads the request of a GET from its query string, or the reason to refuse it.</summary>
    public (GraphQLRequest? Request, RequestRefusal? Refusal) ReadGet(HttpRequest request)
    {
        var query = request.Query;
        try
        {
            return (new GraphQLRequest
            {
                Query = query["query"].ToString() is { Length: > 0 } q ? q : null,
                OperationName = query["operationName"].ToString() is { Length: > 0 } name ? name : null,
                Variables = query["variables"].ToString() is { Length: > 0 } v ? _serializer.Deserialize<Inputs>(v) : null,
                Extensions = query["extensions"].ToString() is { Length: > 0 } e ? _serializer.Deserialize<Inputs>(e) : null,
                DocumentId = query["documentId"].ToString() is { Length: > 0 } id ? id : null,
            }, null);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or NotSupportedException)
        {
            return (null, BadRequest("The 'variables' or 'extensions' parameter is not a JSON object: " + FirstLine(ex.Message)));
        }
    }

    // Reads into a pooled buffer (sized by Content-Length when sent) and decodes it once: the only allocation is the
    // text itself, where a fixed 16 KB chunk, a growing MemoryStream and its copy were allocated per request before.
    private async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        var limit = (int)Math.Min(_options.MaxRequestBodyBytes, int.MaxValue - 1);
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1L, request.ContentLength is > 0 and var length ? length + 1 : 4096));
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1L, buffer.Length * 2L));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(filled), request.HttpContext.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    return System.Text.Encoding.UTF8.GetString(buffer, 0, filled);
                }

                filled += read;
                if (filled > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static RequestRefusal BadRequest(string message) => new(StatusCodes.Status400BadRequest, ErrorCodes.BadRequest, message);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
