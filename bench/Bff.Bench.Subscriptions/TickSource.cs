using System.Collections.Concurrent;
using System.Diagnostics;

namespace Bff.Bench.Subscriptions;

/// <summary>
/// The bench's in-memory event source (the gRPC stream binding is not used here): one hot stream per topic, and a
/// publisher that spreads a rate of events over the topics. Each event carries its publish time (monotonic clock,
/// shared by the processes of one machine) so clients measure event-to-client latency.
/// </summary>
public sealed class TickSource
{
    private readonly ConcurrentDictionary<int, Topic> _topics = new();
    private int _active;
    private int _seq;

    public int Active => Volatile.Read(ref _active);

    public IObservable<object?> For(int topic) => _topics.GetOrAdd(topic, _ => new Topic(this));

    /// <summary>Publishes <paramref name="perSecond"/> events a second, each to a random topic of <paramref name="topics"/>, for <paramref name="duration"/>.</summary>
    public async Task RunAsync(int perSecond, int topics, TimeSpan duration)
    {
        const int TicksPerSecond = 100;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1000.0 / TicksPerSecond));
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        double owed = 0;
        while (Stopwatch.GetTimestamp() < end && await timer.WaitForNextTickAsync())
        {
            for (owed += (double)perSecond / TicksPerSecond; owed >= 1; owed--)
            {
                if (_topics.TryGetValue(Random.Shared.Next(topics), out var topic))
                {
                    topic.Publish(new Tick(Interlocked.Increment(ref _seq), Stopwatch.GetTimestamp().ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }
    }

    public sealed record Tick(int Seq, string SentAt);

    private sealed class Topic(TickSource source) : IObservable<object?>
    {
        private IObserver<object?>[] _observers = [];

        public void Publish(Tick tick)
        {
            foreach (var observer in Volatile.Read(ref _observers))
            {
                observer.OnNext(tick);
            }
        }

        public IDisposable Subscribe(IObserver<object?> observer)
        {
            lock (this)
            {
                _observers = [.. _observers, observer];
            }

            Interlocked.Increment(ref source._active);
            return new Unsubscriber(this, observer);
        }

        private void Remove(IObserver<object?> observer)
        {
            lock (this)
            {
                _observers = _observers.Where(o => o != observer).ToArray();
            }

            Interlocked.Decrement(ref source._active);
        }

        private sealed class Unsubscriber(Topic topic, IObserver<object?> observer) : IDisposable
        {
            private int _done;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _done, 1) == 0)
                {
                    topic.Remove(observer);
                }
            }
        }
    }
}
