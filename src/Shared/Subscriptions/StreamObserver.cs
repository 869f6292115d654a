using GraphQL;

namespace Bff.Subscriptions;

/// <summary>
/// Receives one subscription's results from GraphQL.NET (<see cref="ExecutionResult.Streams"/>) and hands them to the
/// transport without blocking the source. A source failure arrives as an <see cref="ExecutionError"/> (a coded
/// <c>DOWNSTREAM_*</c> error from the binding); anything else is masked.
/// </summary>
internal sealed class StreamObserver(Action<ExecutionResult> next, Action<ExecutionResult> failed, Action completed) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => next(value);

    public void OnError(Exception error) => failed(new ExecutionResult
    {
        Errors = [error as ExecutionError ?? new BffError(ErrorCodes.InternalServerError, "The event stream failed.")],
    });

    public void OnCompleted() => completed();
}
