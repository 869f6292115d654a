using System.Collections.Concurrent;

namespace Bff.Samples.Proposals;

/// <summary>
/// What became of the server streams of a proposals service (<c>WatchProposals</c>, <c>StreamProposals</c>): how many
/// were opened, how many ended because the caller cancelled, how many the service failed. Tests read it to see that a
/// client leaving reaches the service. Thread-safe.
/// </summary>
public sealed class StreamLog
{
    private readonly ConcurrentDictionary<(string Method, string Outcome), int> _counts = new();

    /// <summary>Gets the streams of <paramref name="method"/> (e.g. <c>WatchProposals</c>) that were opened.</summary>
    public int Opened(string method) => Count(method, "opened");

    /// <summary>Gets the streams of <paramref name="method"/> that ended because the caller cancelled them.</summary>
    public int Cancelled(string method) => Count(method, "cancelled");

    /// <summary>Gets the streams of <paramref name="method"/> the service ended with an error status.</summary>
    public int Failed(string method) => Count(method, "failed");

    /// <summary>Gets the streams of <paramref name="method"/> open right now.</summary>
    public int Open(string method) => Opened(method) - Cancelled(method) - Failed(method) - Count(method, "completed");

    internal void Record(string method, string outcome) => _counts.AddOrUpdate((method, outcome), 1, (_, n) => n + 1);

    private int Count(string method, string outcome) => _counts.GetValueOrDefault((method, outcome));
}
