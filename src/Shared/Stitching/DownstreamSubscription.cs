using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;
using Microsoft.Extensions.Logging;

namespace Bff.Stitching;

/// <summary>
/// The events of one downstream stream as an observable: each subscribe opens the stream through the dispatcher
/// (breaker and opening deadline apply), each message is one event, and dispose cancels the call at once. A failure is
/// one <c>DOWNSTREAM_*</c> error and the end, unless <see cref="ResubscribeOptions"/> opens the stream again first.
/// </summary>
internal sealed class DownstreamSubscription : IObservable<JsonNode?>
{
    private readonly DownstreamDispatcher _dispatcher;
    private readonly FieldBinding _binding;
    private readonly BindingScope _scope;
    private readonly BffRequestContext _request;
    private readonly ResubscribeOptions _resubscribe;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DownstreamSubscription(
        DownstreamDispatcher dispatcher, FieldBinding binding, BindingScope scope, BffRequestContext request, ResubscribeOptions resubscribe, TimeProvider time, ILogger logger) =>
        (_dispatcher, _binding, _scope, _request, _resubscribe, _time, _logger) = (dispatcher, binding, scope, request, resubscribe, time, logger);

    public IDisposable Subscribe(IObserver<JsonNode?> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        var run = new Run(this, observer);
        _ = run.LoopAsync();
        return run;
    }

    private sealed class Run(DownstreamSubscription owner, IObserver<JsonNode?> observer) : IDisposable
    {
        private readonly CancellationTokenSource _left = new();

        public async Task LoopAsync()
        {
            var (binding, token) = (owner._binding, _left.Token);
            var failures = 0;
            try
            {
                while (true)
                {
                    try
                    {
                        await ReadAsync(token, () => failures = 0).ConfigureAwait(false);
                        Emit(o => o.OnCompleted());
                        return;
                    }
                    catch (DownstreamFailure failure) when (failure.Transient && failures < owner._resubscribe.MaxAttempts && !token.IsCancellationRequested)
                    {
                        failures++;
                        var delay = owner._resubscribe.DelayBefore(failures);
                        StreamingLog.Resubscribing(owner._logger, binding.Source, binding.Operation, binding.Coordinate, failure.Code, delay.TotalMilliseconds, failures, owner._resubscribe.MaxAttempts);
                        await Task.Delay(delay, owner._time, token).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // The subscriber left: the call is cancelled, nobody is told.
            }
            catch (BffError error)
            {
                StreamingLog.Ended(owner._logger, binding.Source, binding.Operation, binding.Coordinate, error.Code);
                Emit(o => o.OnError(error));
            }
            catch (Exception ex)
            {
                StreamingLog.Broken(owner._logger, binding.Source, binding.Operation, binding.Coordinate, ex);
                Emit(o => o.OnError(new BffError(ErrorCodes.InternalServerError, $"The stream of {binding.Coordinate} failed inside the gateway.")));
            }
            finally
            {
                _left.Dispose();
            }
        }

        public void Dispose()
        {
            try
            {
                _left.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The stream had ended already.
            }
        }

        private async Task ReadAsync(CancellationToken token, Action received)
        {
            var stream = await owner._dispatcher.OpenStreamAsync(owner._binding, owner._scope, owner._request, token, token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                // Open now, it lives until its subscriber leaves: the request's deadline bounded the opening only, and the
                // call record of an endless operation would grow without end, so fields of events run without either.
                owner._request.Deadline = null;
                owner._request.RecordCalls = false;
                await foreach (var message in stream.ReadAllAsync(token).ConfigureAwait(false))
                {
                    received();
                    Emit(o => o.OnNext(JsonPath.Get(message, owner._binding.Select)));
                }
            }
        }

        private void Emit(Action<IObserver<JsonNode?>> signal)
        {
            if (!_left.IsCancellationRequested)
            {
                signal(observer);
            }
        }
    }
}
