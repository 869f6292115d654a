using System.Threading.Channels;

namespace Bff.Subscriptions;

/// <summary>
/// The bounded queue of one subscriber's outgoing messages. Events are pushed by their source, which must never wait
/// for a client: a message that does not fit marks the subscriber too slow (<see cref="Overflowed"/>) instead, and the
/// transport then ends its subscriptions and closes it. One reader (the transport's writer loop) drains it.
/// </summary>
/// <typeparam name="T">The transport's message type.</typeparam>
internal sealed class SubscriberOutbox<T>
{
    private readonly Channel<T> _channel;
    private readonly Action _overflow;
    private int _state; // 0 open, 1 completed, 2 overflowed

    /// <summary>Creates the queue; <paramref name="overflow"/> runs once, on the source's thread, when a message does not fit.</summary>
    public SubscriberOutbox(int capacity, Action overflow)
    {
        // Wait mode makes TryWrite refuse (not drop) when full; nothing ever waits to write.
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _overflow = overflow;
    }

    /// <summary>Gets the messages to send, in order.</summary>
    public ChannelReader<T> Reader => _channel.Reader;

    /// <summary>Gets a value indicating whether a message did not fit: what is still queued is not worth sending.</summary>
    public bool Overflowed => Volatile.Read(ref _state) == 2;

    /// <summary>Queues <paramref name="message"/>; <see langword="false"/> when the queue was full (the subscriber is now too slow) or completed.</summary>
    public bool TryPost(T message)
    {
        if (_channel.Writer.TryWrite(message))
        {
            return true;
        }

        if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
        {
            _channel.Writer.TryComplete();
            _overflow();
        }

        return false;
    }

    /// <summary>Ends the queue: the writer loop sends what is queued and stops.</summary>
    public void Complete()
    {
        Interlocked.CompareExchange(ref _state, 1, 0);
        _channel.Writer.TryComplete();
    }
}
