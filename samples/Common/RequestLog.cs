namespace Bff.Samples.Common;

/// <summary>
/// Thread-safe record of the requests a demo service received: a count per key and the most recent
/// requests in arrival order. Tests use it to assert batching ("exactly one call") and header forwarding.
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Queue<RecordedRequest> _recent = new();

    /// <summary>How many requests <see cref="Recent"/> keeps before dropping the oldest.</summary>
    /// <value>1000.</value>
    public int Capacity { get; init; } = 1000;

    /// <summary>Requests received since the last <see cref="Reset"/>, all keys together.</summary>
    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _counts.Values.Sum();
            }
        }
    }

    /// <summary>A snapshot of the count per key (see <see cref="RecordedRequest.Key"/>).</summary>
    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_counts, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>A snapshot of the most recent requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>Requests received under <paramref name="key"/> since the last <see cref="Reset"/>.</summary>
    /// <param name="key">E.g. <c>"GET /profiles"</c> or <c>"marketplace.proposals.v1.ProposalService/BatchGetJobStats"</c>.</param>
    /// <returns>The count; 0 for a key never seen.</returns>
    public int Count(string key)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(key);
        }
    }

    /// <summary>Adds one request to the counts and to <see cref="Recent"/>.</summary>
    /// <param name="request">The request received.</param>
    public void Record(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            _counts[request.Key] = _counts.GetValueOrDefault(request.Key) + 1;
            _recent.Enqueue(request);
            while (_recent.Count > Capacity)
            {
                _recent.Dequeue();
            }
        }
    }

    /// <summary>Forgets every count and recorded request.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _counts.Clear();
            _recent.Clear();
        }
    }
}
