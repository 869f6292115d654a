namespace Bff.Http;

/// <summary>
/// The time budget of one HTTP request (<c>Bff:Http:RequestTimeout</c>): a token that is cancelled when the budget
/// runs out or the client goes away, and the deadline downstream calls are held to.
/// </summary>
internal sealed class RequestBudget : IDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _aborted;

    public RequestBudget(TimeSpan timeout, TimeProvider time, CancellationToken aborted)
    {
        _aborted = aborted;
        Timeout = timeout;
        Deadline = time.GetUtcNow() + timeout;
        _timeout = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _timeout.Token);
    }

    /// <summary>Gets the budget.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Gets when the request must be answered.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Gets the token execution and downstream calls run under.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>Gets a value indicating whether the budget ran out while the client was still waiting.</summary>
    public bool Expired => _timeout.IsCancellationRequested && !_aborted.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
