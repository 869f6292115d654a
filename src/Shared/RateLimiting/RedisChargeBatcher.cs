using Bff.Redis;
using StackExchange.Redis;

namespace Bff.RateLimiting;

/// <summary>
/// Sends the rate-limit charges of concurrent requests to Redis together: a request arriving while no charge is in
/// flight goes at once (no added wait); those arriving meanwhile leave together as one <see cref="Gcra.BatchScript"/>
/// when it returns. Each request stays all or nothing on its own and the order is arrival order, so the budget is
/// exactly the one-script-per-request budget with fewer round trips under load. On Redis Cluster a batch holds one hash
/// slot's requests only (a script may not cross slots), so each slot batches on its own.
/// </summary>
internal sealed class RedisChargeBatcher
{
    private const int MaxRequestsPerBatch = 64;

    private readonly RedisStore _redis;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Lane> _lanes = [];
    private IConnectionMultiplexer? _cluster;

    public RedisChargeBatcher(RedisStore redis)
    {
        _redis = redis;
        redis.OnConnected(connection =>
        {
            if (connection.GetServers().Any(s => s.ServerType == ServerType.Cluster))
            {
                Volatile.Write(ref _cluster, connection);
            }
        });
    }

    /// <summary>Charges one request: its <paramref name="keys"/> with three <paramref name="args"/> each, as <see cref="Gcra.BatchScript"/> takes them.</summary>
    /// <returns><c>Ok = false</c> when Redis did not answer (the caller falls back to memory); else four numbers per key.</returns>
    public Task<(bool Ok, long[] Values)> ChargeAsync(RedisKey[] keys, RedisValue[] args)
    {
        var request = new Request(keys, args);
        Lane lane;
        lock (_gate)
        {
            var slot = Volatile.Read(ref _cluster) is { } cluster ? cluster.HashSlot(keys[0]) : 0;
            if (!_lanes.TryGetValue(slot, out lane!))
            {
                _lanes[slot] = lane = new Lane(slot);
            }

            lane.Waiting.Add(request);
            if (lane.Sending)
            {
                return request.Done.Task;
            }

            lane.Sending = true;
        }

        _ = SendAsync(lane);
        return request.Done.Task;
    }

    private async Task SendAsync(Lane lane)
    {
        while (true)
        {
            Request[] batch;
            lock (_gate)
            {
                if (lane.Waiting.Count == 0)
                {
                    lane.Sending = false;
                    if (lane.Slot != 0)
                    {
                        _lanes.Remove(lane.Slot);
                    }

                    return;
                }

                var count = Math.Min(lane.Waiting.Count, MaxRequestsPerBatch);
                batch = [.. lane.Waiting.GetRange(0, count)];
                lane.Waiting.RemoveRange(0, count);
            }

            try
            {
                var keys = new RedisKey[batch.Sum(r => r.Keys.Length)];
                var args = new RedisValue[1 + batch.Sum(r => 1 + r.Args.Length)];
                var (k, a) = (0, 1);
                args[0] = batch.Length;
                foreach (var request in batch)
                {
                    request.Keys.CopyTo(keys, k);
                    k += request.Keys.Length;
                    args[a++] = request.Keys.Length;
                    request.Args.CopyTo(args, a);
                    a += request.Args.Length;
                }

                var (ok, result) = await _redis.TryAsync(db => db.ScriptEvaluateAsync(Gcra.BatchScript, keys, args)).ConfigureAwait(false);
                var values = ok && !result.IsNull ? (long[])result! : [];
                var offset = 0;
                foreach (var request in batch)
                {
                    var length = request.Keys.Length * 4;
                    request.Done.TrySetResult(values.Length == keys.Length * 4 ? (true, values[offset..(offset + length)]) : (false, []));
                    offset += length;
                }
            }
#pragma warning disable CA1031 // Whatever fails, every request of the batch gets its answer (memory fallback): none may hang.
            catch (Exception)
#pragma warning restore CA1031
            {
                foreach (var request in batch)
                {
                    request.Done.TrySetResult((false, []));
                }
            }
        }
    }

    private sealed class Lane(int slot)
    {
        public int Slot { get; } = slot;

        public List<Request> Waiting { get; } = [];

        public bool Sending { get; set; }
    }

    private sealed class Request(RedisKey[] keys, RedisValue[] args)
    {
        public RedisKey[] Keys { get; } = keys;

        public RedisValue[] Args { get; } = args;

        // Continuations run on the thread pool: the batch's requests go on in parallel, not one after another here.
        public TaskCompletionSource<(bool Ok, long[] Values)> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
