namespace Bff.Tests.Subscriptions;

/// <summary>
/// An in-memory event source standing in for a downstream stream: subscribers by topic, what was published, and
/// every disposal (the moment a real source would cancel its downstream call).
/// </summary>
public sealed class TestEventSource
{
    private readonly Lock _lock = new();
    private readonly List<(string Topic, IObserver<object?> Observer)> _observers = [];
    private int _subscribed;
    private int _disposed;

    public int Subscribed => Volatile.Read(ref _subscribed);

    public int Disposed => Volatile.Read(ref _disposed);

    public int Active
    {
        get
        {
            lock (_lock)
            {
                return _observers.Count;
            }
        }
    }

    public IObservable<object?> For(string topic) => new Stream(this, topic);

    /// <summary>Pushes an event to the topic's subscribers; returns how many received it.</summary>
    public int Publish(string topic, TestEvent value)
    {
        foreach (var observer in Observers(topic))
        {
            observer.OnNext(value);
        }

        return Observers(topic).Count;
    }

    public void Fail(string topic, Exception error)
    {
        foreach (var observer in Observers(topic))
        {
            observer.OnError(error);
        }
    }

    public void Complete(string topic)
    {
        foreach (var observer in Observers(topic))
        {
            observer.OnCompleted();
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (a bounded number of polls), for what happens on the server's threads.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition, int seconds = 10)
    {
        for (var i = 0; i < seconds * 50 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        return condition();
    }

    private List<IObserver<object?>> Observers(string topic)
    {
        lock (_lock)
        {
            return _observers.Where(o => o.Topic == topic).Select(o => o.Observer).ToList();
        }
    }

    private sealed class Stream(TestEventSource source, string topic) : IObservable<object?>
    {
        public IDisposable Subscribe(IObserver<object?> observer)
        {
            var entry = (topic, observer);
            lock (source._lock)
            {
                source._observers.Add(entry);
            }

            Interlocked.Increment(ref source._subscribed);
            return new Subscription(source, entry);
        }
    }

    private sealed class Subscription(TestEventSource source, (string, IObserver<object?>) entry) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                lock (source._lock)
                {
                    source._observers.Remove(entry);
                }

                Interlocked.Increment(ref source._disposed);
            }
        }
    }
}

public sealed record TestEvent(int Seq, string Text);
