namespace Bff.Samples.Common;

/// <summary>
/// Fault hooks of a REST demo service, off by default. Applied to every request except <c>/health</c>:
/// first the <see cref="Delay"/>, then the failure. Thread-safe; settable while the service runs.
/// </summary>
public sealed class HttpFaults
{
    private long _delayTicks;
    private int _failWithStatus;

    /// <summary>How long each request waits before it is handled.</summary>
    /// <value><see cref="TimeSpan.Zero"/>: no delay.</value>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>
    /// When set, every request is answered with this HTTP status and a problem JSON body instead of
    /// being handled.
    /// </summary>
    /// <value><see langword="null"/>: requests are handled normally.</value>
    public int? FailWithStatus
    {
        get => Volatile.Read(ref _failWithStatus) is var status and > 0 ? status : null;
        set
        {
            if (value is < 100 or > 599)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "An HTTP status is 100..599.");
            }

            Volatile.Write(ref _failWithStatus, value ?? 0);
        }
    }

    /// <summary>Turns every fault off.</summary>
    public void Reset()
    {
        Delay = TimeSpan.Zero;
        FailWithStatus = null;
    }
}
