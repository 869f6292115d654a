using System.Threading.Channels;
using Bff.Samples.Proposals.Grpc;
using Grpc.Core;

namespace Bff.Samples.Proposals;

/// <summary>
/// The in-process broadcast behind <c>WatchProposals</c>: each watcher of a job gets its own bounded queue of events;
/// a watcher that falls <see cref="Capacity"/> events behind is ended with <c>RESOURCE_EXHAUSTED</c>, so one slow
/// caller never holds memory or slows the others. Thread-safe.
/// </summary>
internal sealed class ProposalFeed
{
    public const int Capacity = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<Channel<ProposalEvent>>> _watchers = new(StringComparer.Ordinal);

    /// <summary>Starts watching <paramref name="jobId"/>; dispose the result to stop.</summary>
    public Watcher Watch(string jobId)
    {
        var channel = Channel.CreateBounded<ProposalEvent>(new BoundedChannelOptions(Capacity) { SingleReader = true });
        lock (_gate)
        {
            if (!_watchers.TryGetValue(jobId, out var set))
            {
                _watchers[jobId] = set = [];
            }

            set.Add(channel);
        }

        return new Watcher(this, jobId, channel);
    }

    /// <summary>Sends <paramref name="proposal"/> to every watcher of its job.</summary>
    public void Publish(Proposal proposal, int proposalCount)
    {
        Channel<ProposalEvent>[] watchers;
        lock (_gate)
        {
            watchers = _watchers.TryGetValue(proposal.JobId, out var set) ? [.. set] : [];
        }

        foreach (var channel in watchers)
        {
            if (!channel.Writer.TryWrite(new ProposalEvent { Proposal = proposal.Clone(), ProposalCount = proposalCount }))
            {
                channel.Writer.TryComplete(new RpcException(new Status(StatusCode.ResourceExhausted, $"The watcher fell more than {Capacity} events behind.")));
            }
        }
    }

    private void Remove(string jobId, Channel<ProposalEvent> channel)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(jobId, out var set) && set.Remove(channel) && set.Count == 0)
            {
                _watchers.Remove(jobId);
            }
        }
    }

    /// <summary>One watcher of one job.</summary>
    public sealed class Watcher(ProposalFeed feed, string jobId, Channel<ProposalEvent> channel) : IDisposable
    {
        /// <summary>Gets the events, in the order they were published.</summary>
        public ChannelReader<ProposalEvent> Events => channel.Reader;

        public void Dispose() => feed.Remove(jobId, channel);
    }
}
