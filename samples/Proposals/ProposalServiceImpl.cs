using Bff.Samples.Proposals.Grpc;
using Grpc.Core;

namespace Bff.Samples.Proposals;

/// <summary>The RPCs of <c>marketplace.proposals.v1.ProposalService</c>.</summary>
internal sealed class ProposalServiceImpl(ProposalStore store) : ProposalService.ProposalServiceBase
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxBatchSize = 200;

    public override Task<Proposal> GetProposal(GetProposalRequest request, ServerCallContext context) =>
        Task.FromResult(store.Find(request.Id)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Proposal '{request.Id}' was not found.")));

    public override Task<ListProposalsResponse> ListProposals(ListProposalsRequest request, ServerCallContext context)
    {
        if (request.PageSize < 0)
        {
            throw Invalid("page_size must not be negative.");
        }

        // AIP-158: 0 means the default, more than the maximum is coerced to the maximum.
        var size = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize);
        var (jobId, freelancerId) = (request.JobId, request.FreelancerId);
        var page = store.Page(
            p => (jobId.Length == 0 || p.JobId == jobId) && (freelancerId.Length == 0 || p.FreelancerId == freelancerId),
            size,
            request.PageToken);
        return Task.FromResult(page ?? throw Invalid("page_token is not a token this service issued."));
    }

    public override Task<BatchGetProposalsByJobResponse> BatchGetProposalsByJob(
        BatchGetProposalsByJobRequest request, ServerCallContext context)
    {
        var wanted = CheckBatch(request.JobIds);
        var response = new BatchGetProposalsByJobResponse();
        response.Proposals.AddRange(store.Where(p => wanted.Contains(p.JobId)));
        return Task.FromResult(response);
    }

    public override Task<BatchGetJobStatsResponse> BatchGetJobStats(BatchGetJobStatsRequest request, ServerCallContext context)
    {
        var wanted = CheckBatch(request.JobIds);
        var byJob = store.Where(p => wanted.Contains(p.JobId)).ToLookup(p => p.JobId, StringComparer.Ordinal);
        var response = new BatchGetJobStatsResponse();
        foreach (var jobId in request.JobIds)
        {
            var proposals = byJob[jobId].ToList();
            response.Stats.Add(new JobStats
            {
                JobId = jobId,
                ProposalCount = proposals.Count,
                AverageBid = AverageBid(proposals),
            });
        }

        return Task.FromResult(response);
    }

    public override Task<Proposal> SubmitProposal(SubmitProposalRequest request, ServerCallContext context)
    {
        var errors = ProposalValidation.Validate(request);
        if (errors.Count > 0)
        {
            throw Invalid(string.Join("; ", errors));
        }

        return Task.FromResult(store.TryAdd(request) ?? throw new RpcException(new Status(
            StatusCode.AlreadyExists, $"Freelancer '{request.FreelancerId}' already has a proposal for job '{request.JobId}'.")));
    }

    /// <summary>
    /// The mean bid, rounded to the cent, over the proposals in the most common currency (ties: the
    /// alphabetically first); <see langword="null"/> (the field unset) when there are no proposals.
    /// </summary>
    private static Money? AverageBid(IReadOnlyCollection<Proposal> proposals)
    {
        var bids = proposals.GroupBy(p => p.Bid.Currency, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        return bids is null
            ? null
            : new Money
            {
                Currency = bids.Key,
                AmountCents = (long)Math.Round(bids.Average(p => (decimal)p.Bid.AmountCents), MidpointRounding.AwayFromZero),
            };
    }

    private static HashSet<string> CheckBatch(ICollection<string> jobIds) =>
        jobIds.Count <= MaxBatchSize
            ? jobIds.ToHashSet(StringComparer.Ordinal)
            : throw Invalid($"At most {MaxBatchSize} job_ids per request.");

    private static RpcException Invalid(string detail) => new(new Status(StatusCode.InvalidArgument, detail));
}
