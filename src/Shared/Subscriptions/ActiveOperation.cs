namespace Bff.Subscriptions;

/// <summary>
/// One running operation of a streaming connection: its cancellation, and once it is a subscription, the source
/// subscription and the caller's subscription lease. Ending it (the client's <c>complete</c>, the client leaving, the
/// stream ending) disposes the source subscription at once, which cancels the downstream stream.
/// </summary>
internal sealed class ActiveOperation : IDisposable
{
    // Never disposed: a late reader of Token (the operation still starting) must see it cancelled, not disposed.
    private readonly CancellationTokenSource _cancellation = new();
    private readonly Lock _lock = new();
    private IDisposable? _subscription;
    private IDisposable? _lease;
    private bool _ended;

    public ActiveOperation() => Token = _cancellation.Token;

    /// <summary>Gets the token the operation runs under; cancelled when it ends.</summary>
    public CancellationToken Token { get; }

    /// <summary>Holds the source subscription and its lease; when the operation has already ended, both are released now.</summary>
    public void Attach(IDisposable subscription, IDisposable lease)
    {
        lock (_lock)
        {
            if (!_ended)
            {
                (_subscription, _lease) = (subscription, lease);
                return;
            }
        }

        subscription.Dispose();
        lease.Dispose();
    }

    /// <summary>Ends the operation: cancels its work and disposes its source subscription. Safe to call more than once.</summary>
    public void Dispose()
    {
        IDisposable? subscription, lease;
        lock (_lock)
        {
            if (_ended)
            {
                return;
            }

            (_ended, subscription, lease) = (true, _subscription, _lease);
            (_subscription, _lease) = (null, null);
        }

        _cancellation.Cancel();
        subscription?.Dispose();
        lease?.Dispose();
    }
}
