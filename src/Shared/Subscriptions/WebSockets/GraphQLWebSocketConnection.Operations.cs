using Bff.Http;
using GraphQL;
using GraphQL.Transport;

namespace Bff.Subscriptions.WebSockets;

/// <summary>Running one <c>subscribe</c>: a single result (<c>next</c>, <c>complete</c>), a stream of them, or an <c>error</c>.</summary>
internal sealed partial class GraphQLWebSocketConnection
{
    private async Task RunOperationAsync(string id, GraphQLRequest request, ActiveOperation operation)
    {
        try
        {
            var http = OperationHttpContext.For(_caller!, _scope.ServiceProvider);
            using var budget = new RequestBudget(_endpoint.Pipeline.RequestTimeout, _endpoint.Time, operation.Token);
            var outcome = await _endpoint.Pipeline.RunAsync(http, request, _identity, new OperationRun(false, GraphQLMediaTypes.Json, operation.Token), budget)
                .ConfigureAwait(false);
            if (operation.Token.IsCancellationRequested)
            {
                return; // completed by the client, or the socket is closing
            }

            var result = outcome.Result;
            if (result.Streams is { Count: > 0 } streams)
            {
                Stream(id, streams.Values.First(), operation);
            }
            else if (result.Data is null && result.Errors is { Count: > 0 } errors)
            {
                Finish(id, operation, new SocketMessage("error", id, errors.ToArray()));
            }
            else
            {
                Finish(id, operation, new SocketMessage("next", id, result));
            }
        }
        catch (OperationCanceledException) when (operation.Token.IsCancellationRequested)
        {
            // The operation ended while it ran; nobody waits for its result.
        }
        catch (Exception ex)
        {
            SubscriptionsLog.OperationFailed(_endpoint.Logger, ex);
            Finish(id, operation, new SocketMessage("error", id, new[] { new BffError(ErrorCodes.InternalServerError, "The operation failed.") }));
        }
    }

    private void Stream(string id, IObservable<ExecutionResult> stream, ActiveOperation operation)
    {
        if (_endpoint.Limits.TrySubscribe(_callerKey) is not { } lease)
        {
            Finish(id, operation, new SocketMessage("error", id, new[] { new BffError(ErrorCodes.TooManySubscriptions,
                $"A caller may hold at most {_endpoint.Options.MaxSubscriptionsPerCaller} subscriptions at once; complete one first.") }));
            return;
        }

        var observer = new StreamObserver(
            result => _outbox.TryPost(new SocketMessage("next", id, result)),
            failure => Finish(id, operation, new SocketMessage("next", id, failure)),
            () => Finish(id, operation, null));
        operation.Attach(stream.Subscribe(observer), lease);
    }

    /// <summary>Ends operation <paramref name="id"/> with its last message (then <c>complete</c>, unless it is an <c>error</c>).</summary>
    private void Finish(string id, ActiveOperation operation, SocketMessage? last)
    {
        if (!_operations.TryRemove(new KeyValuePair<string, ActiveOperation>(id, operation)))
        {
            return; // the client completed it, or the socket closed
        }

        if (last is { } message)
        {
            _outbox.TryPost(message);
        }

        if (last?.Type != "error")
        {
            _outbox.TryPost(new SocketMessage("complete", id));
        }

        operation.Dispose();
    }
}
