using System.Text;
using System.Text.Json.Nodes;
using Bff.Caching;
using Bff.Observability;
using GraphQL;
using GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Bff.Incremental;

/// <summary>Writes the <c>multipart/mixed</c> answer: the initial payload, then each part as it is ready.</summary>
public sealed partial class IncrementalDelivery
{
    // Each write ends with the next delimiter (as Apollo Router writes), so a client can use a part as soon as it
    // arrives instead of waiting for the next one to learn that it ended; the whole body is the RFC's format.
    private static readonly byte[] PartHeader = Encoding.UTF8.GetBytes("\r\nContent-Type: application/json; charset=utf-8\r\n\r\n");
    private static readonly byte[] Delimiter = Encoding.UTF8.GetBytes("\r\n---");
    private static readonly byte[] Closing = Encoding.UTF8.GetBytes("--\r\n");

    /// <summary>
    /// Sends <paramref name="initial"/> with <c>hasNext: true</c>, then one part per finished deferred fragment or
    /// stream (entries whose parent was nulled are left out), the last with <c>hasNext: false</c> and, when
    /// <paramref name="diagnostics"/>, the downstream calls made after the initial payload in <c>extensions.downstream</c>.
    /// Returns once every part has ended (sent, or cancelled because the client left).
    /// </summary>
    public async Task WriteAsync(HttpContext http, ExecutionResult initial, IGraphQLTextSerializer serializer, bool diagnostics)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(serializer);
        var request = _request ?? throw new InvalidOperationException("The delivery was not attached to an operation.");
        var (response, aborted) = (http.Response, http.RequestAborted);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = $"{MediaType}; boundary=\"-\"; deferSpec={DeferSpec}";
        // Parts are per request and arrive over time: no cache in between may keep or merge them.
        CacheControlFilter.MarkNotStorable(http);
        var callsBefore = request.Calls.Count;
        try
        {
            var first = Parse(serializer.Serialize(initial));
            first["hasNext"] = true;
            await response.Body.WriteAsync(Delimiter, aborted).ConfigureAwait(false);
            await WritePartAsync(response, first, aborted).ConfigureAwait(false);
            _initialSent.TrySetResult();
            for (var remaining = Volatile.Read(ref _outstanding); remaining > 0;)
            {
                var part = await _done.Reader.ReadAsync(aborted).ConfigureAwait(false);
                remaining = Interlocked.Decrement(ref _outstanding);
                var entries = part.Items.Where(i => InResponse(i.Anchor)).Select(i => Entry(i, serializer)).ToArray();
                if (entries.Length > 0 || remaining == 0)
                {
                    var payload = new JsonObject();
                    if (entries.Length > 0)
                    {
                        payload["incremental"] = new JsonArray(entries);
                    }

                    payload["hasNext"] = remaining > 0;
                    if (remaining == 0 && diagnostics)
                    {
                        payload["extensions"] = new JsonObject { ["downstream"] = Parse(serializer.Serialize(request.Calls.Skip(callsBefore).Select(c => c.ToExtension()).ToArray())) };
                    }

                    await WritePartAsync(response, payload, aborted).ConfigureAwait(false);
                }

                part.Sent.TrySetResult();
            }

            await response.Body.WriteAsync(Closing, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client left: its parts are cancelled with the request's token, and nobody is left to answer.
        }
        finally
        {
            await AbandonAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops parts waiting for data that will not be sent and waits until every part has ended.</summary>
    public async Task AbandonAsync()
    {
        await _ended.CancelAsync().ConfigureAwait(false);
        while (true)
        {
            Task[] running;
            lock (_running)
            {
                running = [.. _running];
                _running.Clear();
            }

            if (running.Length == 0)
            {
                return;
            }

            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task WritePartAsync(HttpResponse response, JsonNode payload, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(PartHeader, cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), cancellationToken).ConfigureAwait(false);
        await response.Body.WriteAsync(Delimiter, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static JsonNode Entry(IncrementalItem item, IGraphQLTextSerializer serializer)
    {
        var errors = new ExecutionErrors();
        errors.AddRange(item.Errors);
        var entry = Parse(serializer.Serialize(new ExecutionResult { Executed = true, Data = item.Value, Errors = errors.Count > 0 ? errors : null })).AsObject();
        if (item.IsStream)
        {
            var items = entry["data"];
            entry.Remove("data");
            entry["items"] = items;
        }

        entry["path"] = new JsonArray([.. item.Path.Select(step => step is int index ? JsonValue.Create(index) : (JsonNode)JsonValue.Create(step.ToString()!))]);
        if (item.Label.Length > 0)
        {
            entry["label"] = item.Label;
        }

        return entry;
    }

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    // Whether the node is still part of what the client got: null bubbling (in the initial answer or an enclosing
    // part) may have removed it, and an entry under it would have nowhere to merge.
    private static bool InResponse(ExecutionNode node)
    {
        for (ExecutionNode? current = node; current is not null;)
        {
            if (current is ObjectExecutionNode { SubFields: null } or ArrayExecutionNode { Items: null, SerializedResult: null })
            {
                return false;
            }

            current = current is IDeferredNode deferred ? deferred.Anchor : current.Parent;
        }

        return true;
    }
}
