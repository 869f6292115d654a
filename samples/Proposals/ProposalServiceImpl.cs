using Bff.Samples.Proposals.Grpc;
using Grpc.Core;

namespace Bff.Samples.Proposals;

/// <summary>The RPCs of <c>marketplace.proposals.v1.ProposalService</c>.</summary>
internal sealed class ProposalServiceImpl(ProposalStore store, ProposalFeed feed, StreamLog streams, GrpcFaults faults) : ProposalService.ProposalServiceBase
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

        var proposal = store.TryAdd(request) ?? throw new RpcException(new Status(
            StatusCode.AlreadyExists, $"Freelancer '{request.FreelancerId}' already has a proposal for job '{request.JobId}'."));
        feed.Publish(proposal, store.Where(p => p.JobId == proposal.JobId).Count);
        return Task.FromResult(proposal);
    }

    public override Task WatchProposals(WatchProposalsRequest request, IServerStreamWriter<ProposalEvent> responseStream, ServerCallContext context)
    {
        if (ProposalValidation.CheckJobId(request.JobId) is { } problem)
        {
            throw Invalid(problem);
        }

        return StreamAsync(nameof(WatchProposals), context, async (opened, token) =>
        {
            using var watcher = feed.Watch(request.JobId);
            opened();

            // Headers now: the caller knows the watch is open (and registered) before the first proposal arrives.
            await context.WriteResponseHeadersAsync([]);
            await foreach (var item in watcher.Events.ReadAllAsync(token))
            {
                await responseStream.WriteAsync(item, token);
            }
        });
    }

    public override Task StreamProposals(StreamProposalsRequest request, IServerStreamWriter<Proposal> responseStream, ServerCallContext context)
    {
        var jobId = request.JobId;
        var proposals = store.Where(p => jobId.Length == 0 || p.JobId == jobId);
        return StreamAsync(nameof(StreamProposals), context, async (opened, token) =>
        {
            opened();
            for (var i = proposals.Count - 1; i >= 0; i--)
            {
                await responseStream.WriteAsync(proposals[i], token);
            }
        });
    }

    // Records how each stream ends, and ends it early on a fault injected with GrpcFaults.BreakStreams.
    private async Task StreamAsync(string method, ServerCallContext context, Func<Action, CancellationToken, Task> write)
    {
        var broken = faults.Streams;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, broken.Token);
        var opened = false;
        try
        {
            await write(() => { opened = true; streams.Record(method, "opened"); }, both.Token);
            streams.Record(method, "completed");
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            Ended(method, opened, "cancelled");
            throw;
        }
        catch (OperationCanceledException) when (broken.Token.IsCancellationRequested)
        {
            Ended(method, opened, "failed");
            throw new RpcException(new Status(broken.Code, "The stream was broken by an injected fault."));
        }
        catch (Exception)
        {
            Ended(method, opened, "failed");
            throw;
        }
    }

    private void Ended(string method, bool opened, string outcome)
    {
        if (opened)
        {
            streams.Record(method, outcome);
        }
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
