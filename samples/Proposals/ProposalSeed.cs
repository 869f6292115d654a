using Bff.Samples.Common;
using Bff.Samples.Proposals.Grpc;

namespace Bff.Samples.Proposals;

/// <summary>
/// Generates the same proposals on every run (fixed seed, no clock): each job <c>j1</c>..<c>j400</c> gets
/// 0–8 proposals from distinct freelancers. The jobs seed makes clients of <c>p1, p6, p11, ...</c>
/// (n % 5 == 1), so freelancers are the other profiles, and a proposal is submitted after its job is posted.
/// </summary>
internal static class ProposalSeed
{
    public const int JobCount = 400;

    /// <summary>Mirrors the jobs seed: job <c>jN</c> is posted at most (400 - N) × 6 h before the reference.</summary>
    private static readonly TimeSpan JobSpacing = TimeSpan.FromHours(6);

    private static readonly string[] Freelancers =
        Enumerable.Range(1, 300).Where(n => n % 5 != 1).Select(n => $"p{n}").ToArray();

    private static readonly string[] Openings =
    [
        "Hi, I read your brief carefully and this is exactly the kind of work I enjoy.",
        "Hello! I have delivered several projects like this one over the last two years.",
        "Thanks for the clear description; I can start next Monday.",
        "Hi there, I would love to help you with this project.",
    ];

    private static readonly string[] Bodies =
    [
        "I would begin with a short call to agree on scope, then share a plan with weekly milestones.",
        "You will get a demo at the end of each week and a written summary of what is next.",
        "I have attached two case studies that show a similar result for other clients.",
        "My estimate includes time for testing, documentation and a handover session.",
        "I am available for at least thirty hours a week until the project is done.",
        "If the budget is tight, I can suggest a smaller first phase that still delivers value.",
    ];

    private static readonly ProposalStatus[] Statuses =
    [
        ProposalStatus.Pending, ProposalStatus.Pending, ProposalStatus.Pending, ProposalStatus.Pending,
        ProposalStatus.Shortlisted, ProposalStatus.Shortlisted, ProposalStatus.Declined,
    ];

    public static List<Proposal> Generate()
    {
        var random = new Random(20250603);
        var proposals = new List<Proposal>();
        for (var n = 1; n <= JobCount; n++)
        {
            var posted = SeedData.Reference - ((JobCount - n) * JobSpacing);
            var freelancers = random.PickDistinct(Freelancers, random.Next(0, 9));
            for (var i = 0; i < freelancers.Count; i++)
            {
                proposals.Add(new Proposal
                {
                    Id = $"pr{proposals.Count + 1}",
                    JobId = $"j{n}",
                    FreelancerId = freelancers[i],
                    CoverLetter = $"{random.Pick(Openings)} {string.Join(' ', random.PickDistinct(Bodies, random.Next(2, 4)))}",
                    Bid = new Money { Currency = "USD", AmountCents = 250L * random.Next(2, 31) * 100 },
                    Status = i == 0 && random.Next(0, 5) == 0 ? ProposalStatus.Accepted : random.Pick(Statuses),
                    SubmittedAt = SeedData.Timestamp(posted + TimeSpan.FromMinutes(random.Next(30, 72 * 60))),
                    EstimatedDays = random.Next(3, 61),
                });
            }
        }

        return proposals;
    }
}
