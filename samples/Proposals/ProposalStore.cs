using System.Globalization;
using Bff.Samples.Common;
using Bff.Samples.Proposals.Grpc;

namespace Bff.Samples.Proposals;

/// <summary>The seeded proposals plus the ones submitted since start-up, ordered by id; thread-safe.</summary>
internal sealed class ProposalStore
{
    private const string TokenKind = "proposals";

    private readonly Lock _gate = new();
    private readonly List<Proposal> _proposals = ProposalSeed.Generate();
    private readonly Dictionary<string, Proposal> _byId;
    private readonly int _seeded;

    public ProposalStore()
    {
        _byId = _proposals.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _seeded = _proposals.Count;
    }

    public Proposal? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>Every proposal matching <paramref name="predicate"/>, by id.</summary>
    public List<Proposal> Where(Func<Proposal, bool> predicate)
    {
        lock (_gate)
        {
            return _proposals.Where(predicate).ToList();
        }
    }

    /// <summary>One page after <paramref name="pageToken"/>; <see langword="null"/> when the token is not ours.</summary>
    public ListProposalsResponse? Page(Func<Proposal, bool> predicate, int pageSize, string pageToken)
    {
        var after = 0;
        if (pageToken.Length > 0 && !PageToken.TryDecode(TokenKind, pageToken, out after))
        {
            return null;
        }

        var matching = Where(predicate);
        var items = matching.Where(p => Number(p) > after).Take(pageSize + 1).ToList();
        var response = new ListProposalsResponse { TotalSize = matching.Count };
        response.Proposals.AddRange(items.Take(pageSize));
        response.NextPageToken = items.Count > pageSize ? PageToken.Encode(TokenKind, Number(items[pageSize - 1])) : string.Empty;
        return response;
    }

    /// <summary>Stores a new proposal; <see langword="null"/> when the freelancer already bid on the job.</summary>
    public Proposal? TryAdd(SubmitProposalRequest request)
    {
        lock (_gate)
        {
            if (_proposals.Any(p => p.JobId == request.JobId && p.FreelancerId == request.FreelancerId))
            {
                return null;
            }

            var proposal = new Proposal
            {
                Id = $"pr{_proposals.Count + 1}",
                JobId = request.JobId,
                FreelancerId = request.FreelancerId,
                CoverLetter = request.CoverLetter.Trim(),
                Bid = request.Bid.Clone(),
                Status = ProposalStatus.Pending,
                // No clock: submitted one minute after the previous one, so responses stay deterministic.
                SubmittedAt = SeedData.Timestamp(SeedData.Reference.AddMinutes(_proposals.Count - _seeded + 1)),
                EstimatedDays = request.EstimatedDays,
            };
            _proposals.Add(proposal);
            _byId.Add(proposal.Id, proposal);
            return proposal;
        }
    }

    private static int Number(Proposal proposal) => int.Parse(proposal.Id.AsSpan(2), CultureInfo.InvariantCulture);
}
