using Bff.Resilience.Options;

namespace Bff.Resilience;

/// <summary>
/// The retry budget of one source: over a sliding window, retries may add at most a share of the calls made, plus a
/// small allowance per second, so a failing service gets roughly <c>1 + ratio</c> times its normal load instead of
/// <c>MaxRetries + 1</c> times (the Envoy / Linkerd / Finagle scheme). Counted in one-second buckets; thread-safe.
/// </summary>
public sealed class RetryBudget
{
    private readonly double _ratio;
    private readonly int _minPerSecond;
    private readonly TimeProvider _time;
    private readonly long[] _seconds;
    private readonly int[] _calls;
    private readonly int[] _retries;
    private readonly Lock _gate = new();

    /// <summary>Creates a budget with the retry options of a source.</summary>
    public RetryBudget(RetryOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ratio = options.BudgetRatio;
        _minPerSecond = options.MinRetriesPerSecond;
        _time = time;
        var buckets = Math.Max(1, (int)Math.Ceiling(options.BudgetWindow.TotalSeconds));
        _seconds = new long[buckets];
        _calls = new int[buckets];
        _retries = new int[buckets];
        Array.Fill(_seconds, long.MinValue);
    }

    /// <summary>Counts one call (not its retries) into the budget.</summary>
    public void RecordCall()
    {
        lock (_gate)
        {
            _calls[Bucket(Now())]++;
        }
    }

    /// <summary>Takes one retry from the budget; <see langword="false"/> when the budget is spent (the retry must not happen).</summary>
    public bool TryTakeRetry()
    {
        lock (_gate)
        {
            var now = Now();
            var bucket = Bucket(now);
            long calls = 0, retries = 0;
            for (var i = 0; i < _seconds.Length; i++)
            {
                if (_seconds[i] > now - _seconds.Length)
                {
                    calls += _calls[i];
                    retries += _retries[i];
                }
            }

            if (retries + 1 > (_ratio * calls) + ((long)_minPerSecond * _seconds.Length))
            {
                return false;
            }

            _retries[bucket]++;
            return true;
        }
    }

    private long Now() => _time.GetTimestamp() / _time.TimestampFrequency;

    // The bucket of the current second, emptied first if it still holds an older second.
    private int Bucket(long second)
    {
        var index = (int)(second % _seconds.Length);
        if (_seconds[index] != second)
        {
            _seconds[index] = second;
            _calls[index] = 0;
            _retries[index] = 0;
        }

        return index;
    }
}
