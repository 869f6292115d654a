using Grpc.Core;

namespace Bff.Samples.Proposals;

/// <summary>
/// Fault hooks of the gRPC demo service, off by default. Applied to every RPC (not to <c>/health</c>):
/// first the <see cref="Delay"/>, then the failure. Thread-safe; settable while the service runs.
/// </summary>
public sealed class GrpcFaults
{
    private long _delayTicks;
    private int _failWithStatus = -1;
    private StreamBreak _streams = new();

    /// <summary>How long each call waits before it is handled.</summary>
    /// <value><see cref="TimeSpan.Zero"/>: no delay.</value>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>When set, every call fails with an <see cref="RpcException"/> of this status code.</summary>
    /// <value><see langword="null"/>: calls are handled normally.</value>
    public StatusCode? FailWithStatus
    {
        get => Volatile.Read(ref _failWithStatus) is var code and >= 0 ? (StatusCode)code : null;
        set
        {
            if (value == StatusCode.OK)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "OK is not a failure.");
            }

            Volatile.Write(ref _failWithStatus, value is { } code ? (int)code : -1);
        }
    }

    /// <summary>
    /// Gets the signal that ends the server streams open now with an error (see <see cref="BreakStreams"/>); streams
    /// opened after a break get a fresh one.
    /// </summary>
    public StreamBreak Streams => Volatile.Read(ref _streams);

    /// <summary>Ends every server stream open now with <paramref name="code"/>, as a crash of the service would.</summary>
    public void BreakStreams(StatusCode code)
    {
        var broken = Interlocked.Exchange(ref _streams, new StreamBreak());
        broken.Break(code);
    }

    /// <summary>Turns every fault off.</summary>
    public void Reset()
    {
        Delay = TimeSpan.Zero;
        FailWithStatus = null;
    }
}

/// <summary>One <see cref="GrpcFaults.BreakStreams"/> signal: cancelled when the streams listening to it must fail.</summary>
public sealed class StreamBreak
{
    private readonly CancellationTokenSource _broken = new();

    /// <summary>Gets the token cancelled at the break.</summary>
    public CancellationToken Token => _broken.Token;

    /// <summary>Gets the status the streams end with.</summary>
    public StatusCode Code { get; private set; } = StatusCode.Unavailable;

    internal void Break(StatusCode code)
    {
        Code = code;
        _broken.Cancel();
    }
}
