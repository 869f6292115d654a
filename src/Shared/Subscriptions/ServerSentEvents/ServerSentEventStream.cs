using GraphQL;
using Microsoft.Extensions.Logging;

namespace Bff.Subscriptions.ServerSentEvents;

/// <summary>
/// Pumps one subscription into its event stream through a bounded <see cref="SubscriberOutbox{T}"/>, with heartbeats
/// while idle. A client too slow to read gets <c>SUBSCRIBER_TOO_SLOW</c> (when it can still take it) and is cut off;
/// the subscription's source is disposed the moment the client leaves or falls behind.
/// </summary>
internal sealed class ServerSentEventStream(ServerSentEventWriter events, ActiveOperation operation, SubscriptionOptions options, TimeProvider time, ILogger logger)
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    public async Task RunAsync(IObservable<ExecutionResult> stream, IDisposable lease, Microsoft.AspNetCore.Http.HttpContext context)
    {
        var aborted = context.RequestAborted;
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var outbox = new SubscriberOutbox<ExecutionResult?>(options.BufferCapacity, () =>
        {
            SubscriptionsLog.TooSlow(logger, "SSE", options.BufferCapacity);
            operation.Dispose();
            sending.CancelAfter(CloseGrace);
        });
        using var ended = operation.Token.Register(outbox.Complete);
        // A null message is a heartbeat.
        using var heartbeat = time.CreateTimer(_ => outbox.TryPost(null), null, options.KeepAliveInterval, options.KeepAliveInterval);
        var observer = new StreamObserver(
            result => outbox.TryPost(result),
            failure =>
            {
                outbox.TryPost(failure);
                outbox.Complete();
            },
            outbox.Complete);
        operation.Attach(stream.Subscribe(observer), lease);
        try
        {
            var reader = outbox.Reader;
            while (await reader.WaitToReadAsync(sending.Token).ConfigureAwait(false))
            {
                while (!outbox.Overflowed && reader.TryRead(out var result))
                {
                    await (result is null ? events.HeartbeatAsync(sending.Token) : events.NextAsync(result, sending.Token)).ConfigureAwait(false);
                }

                if (outbox.Overflowed)
                {
                    await events.NextAsync(Http.GraphQLOperationPipeline.Errors(new BffError(ErrorCodes.SubscriberTooSlow,
                        $"Events were not read fast enough (more than {options.BufferCapacity} waiting), so the subscription was ended.")), sending.Token).ConfigureAwait(false);
                    break;
                }
            }

            if (!aborted.IsCancellationRequested)
            {
                await events.CompleteAsync(sending.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            // The client left, or was too slow to take even the last events: then the connection is cut.
            if (outbox.Overflowed)
            {
                context.Abort();
            }
        }
        finally
        {
            operation.Dispose();
        }
    }
}
