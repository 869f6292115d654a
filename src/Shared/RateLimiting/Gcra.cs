namespace Bff.RateLimiting;

/// <summary>
/// The generic cell rate algorithm, in microseconds. A caller's state is one number, its theoretical arrival time
/// (TAT): each permit pushes it one emission interval into the future; a charge is admitted while the TAT stays within
/// <c>capacity × interval</c> of now. The Redis script (<see cref="BatchScript"/>) and the in-memory fallback share it.
/// Bound: over any span <c>t</c>, a caller is admitted at most <c>capacity + t / interval</c> permits.
/// </summary>
public static class Gcra
{
    /// <summary>
    /// The atomic Redis version, for several requests at once (concurrent requests share one round trip), each with
    /// several policies of its caller (one script for all of a request's limits). ARGV[1]: the number of requests; then,
    /// per request, its number of keys <c>k</c> and, per key, its interval (µs), capacity and cost. KEYS: every request's
    /// keys in order (the caller's key under each policy). Each request is all or nothing on its own: admitted only when
    /// every policy admits it, and a refused request charges none of them; a later request of the same caller sees the
    /// earlier one's charge. Time comes from Redis (<c>TIME</c>), never from a replica's clock. Returns, request after
    /// request, {allowed, remaining, retryAfterµs, resetAfterµs} per key; when a request is refused, <c>allowed</c> is 0
    /// for the policies that refused and 1 for the others.
    /// </summary>
    public const string BatchScript = """
        if redis.replicate_commands then redis.replicate_commands() end
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local out = {}
        local key, arg = 0, 2
        for r = 1, tonumber(ARGV[1]) do
          local count = tonumber(ARGV[arg])
          arg = arg + 1
          local tats, admitted = {}, true
          for i = 1, count do
            local interval = tonumber(ARGV[arg])
            local capacity = tonumber(ARGV[arg + 1])
            local cost = tonumber(ARGV[arg + 2])
            arg = arg + 3
            local tat = tonumber(redis.call('GET', KEYS[key + i]))
            if not tat or tat < now then tat = now end
            local limit = capacity * interval
            local newTat = tat + cost * interval
            if newTat - now > limit then
              admitted = false
              out[#out + 1] = 0
              out[#out + 1] = math.floor((limit - (tat - now)) / interval + 1e-9)
              out[#out + 1] = math.ceil(newTat - now - limit)
              out[#out + 1] = math.ceil(tat - now)
            else
              tats[i] = newTat
              out[#out + 1] = 1
              out[#out + 1] = math.floor((limit - (newTat - now)) / interval + 1e-9)
              out[#out + 1] = 0
              out[#out + 1] = math.ceil(newTat - now)
            end
          end
          if admitted then
            for i = 1, count do
              redis.call('SET', KEYS[key + i], string.format('%.0f', tats[i]), 'PX', math.ceil((tats[i] - now) / 1000) + 1)
            end
          end
          key = key + count
        end
        return out
        """;

    /// <summary>The C# version: charges <paramref name="cost"/> against <paramref name="tat"/> at <paramref name="now"/>.</summary>
    /// <returns>Whether it was admitted, the new TAT to store (unchanged when refused), what remains, and the waits in µs.</returns>
    public static (bool Allowed, double Tat, long Remaining, double RetryAfter, double ResetAfter) Charge(double? tat, double now, double interval, long capacity, long cost)
    {
        var current = tat is { } stored && stored > now ? stored : now;
        var limit = capacity * interval;
        var next = current + (cost * interval);
        if (next - now > limit)
        {
            return (false, current, (long)Math.Floor(((limit - (current - now)) / interval) + 1e-9), Math.Ceiling(next - now - limit), Math.Ceiling(current - now));
        }

        return (true, next, (long)Math.Floor(((limit - (next - now)) / interval) + 1e-9), 0, Math.Ceiling(next - now));
    }
}
