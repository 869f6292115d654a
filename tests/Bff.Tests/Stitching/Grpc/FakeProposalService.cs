using Bff.Samples.Proposals.Grpc;
using Grpc.Core;

namespace Bff.Tests.Stitching.Grpc;

/// <summary>An in-memory proposal service built on the generated server base, for end-to-end calls over HTTP/2.</summary>
public sealed class FakeProposalService : ProposalService.ProposalServiceBase
{
    private static readonly Proposal[] Proposals =
    [
        new() { Id = "p-1", JobId = "j-1", FreelancerId = "f-1", Bid = new Money { Currency = "USD", AmountCents = 50_000 }, Status = ProposalStatus.Pending, EstimatedDays = 5 },
        new() { Id = "p-2", JobId = "j-1", FreelancerId = "f-2", Bid = new Money { Currency = "USD", AmountCents = 65_000 }, Status = ProposalStatus.Shortlisted },
        new() { Id = "p-3", JobId = "j-2", FreelancerId = "f-1", Status = ProposalStatus.Accepted },
    ];

    /// <summary>Gets a proposal only <c>GetProposal</c> finds, bidding more cents than a 32-bit integer holds.</summary>
    public static Proposal Large { get; } = new()
    {
        Id = "p-large", JobId = "j-9", FreelancerId = "f-9", Bid = new Money { Currency = "USD", AmountCents = 5_000_000_000 }, Status = ProposalStatus.Pending,
    };

    /// <inheritdoc />
    public override Task<Proposal> GetProposal(GetProposalRequest request, ServerCallContext context) =>
        Proposals.Append(Large).FirstOrDefault(p => p.Id == request.Id) is { } proposal
            ? Task.FromResult(proposal)
            : throw new RpcException(new Status(StatusCode.NotFound, $"proposal {request.Id} not found"));

    /// <inheritdoc />
    public override Task<ListProposalsResponse> ListProposals(ListProposalsRequest request, ServerCallContext context)
    {
        var matching = Proposals
            .Where(p => request.JobId.Length == 0 || p.JobId == request.JobId)
            .Where(p => request.FreelancerId.Length == 0 || p.FreelancerId == request.FreelancerId)
            .ToList();
        var response = new ListProposalsResponse { TotalSize = matching.Count };
        response.Proposals.AddRange(request.PageSize > 0 ? matching.Take(request.PageSize) : matching);
        response.NextPageToken = response.Proposals.Count < matching.Count ? "more" : string.Empty;
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<BatchGetProposalsByJobResponse> BatchGetProposalsByJob(BatchGetProposalsByJobRequest request, ServerCallContext context)
    {
        var response = new BatchGetProposalsByJobResponse();
        response.Proposals.AddRange(Proposals.Where(p => request.JobIds.Contains(p.JobId)));
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<Proposal> SubmitProposal(SubmitProposalRequest request, ServerCallContext context) =>
        Task.FromResult(new Proposal
        {
            Id = "p-new",
            JobId = request.JobId,
            FreelancerId = request.FreelancerId,
            CoverLetter = request.CoverLetter,
            Bid = request.Bid,
            EstimatedDays = request.EstimatedDays,
            Status = ProposalStatus.Pending,
            SubmittedAt = context.RequestHeaders.GetValue("x-submitted-at") ?? string.Empty,
        });
}
