using System.Collections.Concurrent;
using Bff.Caching;
using Microsoft.AspNetCore.Http;

namespace Bff.Subscriptions;

/// <summary>
/// Counts the streaming connections and subscriptions each caller holds on this replica (a subscription lives where
/// its connection is, so nothing is shared), against <see cref="SubscriptionOptions.MaxConnectionsPerCaller"/> and
/// <see cref="SubscriptionOptions.MaxSubscriptionsPerCaller"/>. A caller is its validated identity, else its address.
/// </summary>
internal sealed class CallerLimits
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly int _maxConnections;
    private readonly int _maxSubscriptions;

    public CallerLimits(SubscriptionOptions options)
    {
        _maxConnections = options.MaxConnectionsPerCaller;
        _maxSubscriptions = options.MaxSubscriptionsPerCaller;
    }

    /// <summary>Gets the key a caller is counted by.</summary>
    public static string CallerOf(HttpContext http) =>
        CallerIdentity.Of(http.User) is { } identity ? "sub:" + identity : "ip:" + http.Connection.RemoteIpAddress;

    /// <summary>Takes one connection of <paramref name="caller"/>; dispose the lease when it ends. <see langword="null"/>: the caller holds its maximum.</summary>
    public IDisposable? TryConnect(string caller) => TryTake("c|" + caller, _maxConnections);

    /// <summary>Takes one subscription of <paramref name="caller"/>; dispose the lease when it ends. <see langword="null"/>: the caller holds its maximum.</summary>
    public IDisposable? TrySubscribe(string caller) => TryTake("s|" + caller, _maxSubscriptions);

    /// <summary>Gets how many connections and subscriptions are held in all (for tests and metrics).</summary>
    public int Held => _counts.Values.Sum();

    private Lease? TryTake(string key, int max)
    {
        while (true)
        {
            var current = _counts.GetOrAdd(key, 0);
            if (current >= max)
            {
                return null;
            }

            if (_counts.TryUpdate(key, current + 1, current))
            {
                return new Lease(this, key);
            }
        }
    }

    private void Release(string key)
    {
        while (true)
        {
            var current = _counts[key];
            // The last lease removes its key, so callers that left hold no memory.
            if (current == 1 ? _counts.TryRemove(new KeyValuePair<string, int>(key, 1)) : _counts.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }

    private sealed class Lease(CallerLimits limits, string key) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                limits.Release(key);
            }
        }
    }
}
