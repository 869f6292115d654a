using System.Text.RegularExpressions;
using Bff.Samples.Proposals.Grpc;

namespace Bff.Samples.Proposals;

/// <summary>Validation of <c>SubmitProposal</c> requests.</summary>
internal static partial class ProposalValidation
{
    /// <summary>Every problem with <paramref name="request"/>, one message per field.</summary>
    public static List<string> Validate(SubmitProposalRequest request)
    {
        var errors = new List<string>();
        if (CheckJobId(request.JobId) is { } jobId)
        {
            errors.Add(jobId);
        }

        if (!ProfileId().IsMatch(request.FreelancerId))
        {
            errors.Add("freelancer_id must be a profile id such as 'p12'");
        }

        if (request.CoverLetter.Trim().Length is < 20 or > 5000)
        {
            errors.Add("cover_letter must be 20 to 5000 characters");
        }

        if (request.Bid is null)
        {
            errors.Add("bid is required");
        }
        else if (!Currency().IsMatch(request.Bid.Currency) || request.Bid.AmountCents <= 0)
        {
            errors.Add("bid must have an ISO 4217 currency such as 'USD' and a positive amount_cents");
        }

        if (request.EstimatedDays is < 1 or > 365)
        {
            errors.Add("estimated_days must be 1 to 365");
        }

        return errors;
    }

    /// <summary>The problem with <paramref name="jobId"/>, or <see langword="null"/> when it is a job id.</summary>
    public static string? CheckJobId(string jobId) => JobId().IsMatch(jobId) ? null : "job_id must be a job id such as 'j12'";

    [GeneratedRegex("^j[1-9][0-9]{0,8}$")]
    private static partial Regex JobId();

    [GeneratedRegex("^p[1-9][0-9]{0,8}$")]
    private static partial Regex ProfileId();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}
