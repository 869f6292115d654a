using Bff.Samples.Proposals.Grpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bff.Tests.Streams;

/// <summary>Real <c>SubmitProposal</c> calls to the demo proposals service, by freelancers who have not bid on the job yet.</summary>
internal static class Proposals
{
    public const string Watch = "marketplace.proposals.v1.ProposalService/WatchProposals";

    public static async Task<List<Proposal>> SubmitAsync(Uri service, string jobId, int count)
    {
        using var channel = GrpcChannel.ForAddress(service);
        var client = new ProposalService.ProposalServiceClient(channel);
        var submitted = new List<Proposal>();

        // Clients are p1, p6, p11, …; any other profile is a freelancer.
        for (var n = 2; submitted.Count < count; n++)
        {
            if (n % 5 == 1)
            {
                continue;
            }

            try
            {
                submitted.Add(await client.SubmitProposalAsync(new SubmitProposalRequest
                {
                    JobId = jobId,
                    FreelancerId = $"p{n}",
                    CoverLetter = "I can start on Monday and deliver the first milestone within two weeks.",
                    Bid = new Money { Currency = "USD", AmountCents = 100_000 + n },
                    EstimatedDays = 10,
                }));
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
            {
            }
        }

        return submitted;
    }
}
