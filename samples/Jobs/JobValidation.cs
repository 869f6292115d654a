using System.Text.RegularExpressions;

namespace Bff.Samples.Jobs;

/// <summary>Validates <c>POST /jobs</c> bodies; errors are keyed by snake_case property path.</summary>
internal static partial class JobValidation
{
    public const int MaxSkills = 15;

    public static Dictionary<string, string[]> Validate(CreateJobRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Check(errors, "title", request.Title is { Length: >= 5 and <= 120 } t && t.Trim().Length == t.Length,
            "Required: 5 to 120 characters, no surrounding spaces.");
        Check(errors, "description", request.Description?.Trim().Length is >= 20 and <= 5000,
            "Required: 20 to 5000 characters.");
        Check(errors, "client_id", request.ClientId is { } c && ProfileId().IsMatch(c),
            "Required: a profile id such as 'p12'.");
        if (request.Budget is not { } budget)
        {
            errors["budget"] = ["Required."];
        }
        else
        {
            Check(errors, "budget.min", budget.Min is >= 1, "Required: at least 1.");
            Check(errors, "budget.max", budget.Max is { } max && max >= (budget.Min ?? 1), "Required: at least budget.min.");
            Check(errors, "budget.currency", budget.Currency is { } cur && Currency().IsMatch(cur),
                "Required: an ISO 4217 code such as 'USD'.");
        }

        Check(errors, "skills", request.Skills is { Count: <= MaxSkills } s && s.All(x => x is { Length: > 0 and <= 40 }),
            $"Required: at most {MaxSkills} non-empty skills of at most 40 characters.");
        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string name, bool valid, string message)
    {
        if (!valid)
        {
            errors[name] = [message];
        }
    }

    [GeneratedRegex("^p[1-9][0-9]{0,8}$")]
    private static partial Regex ProfileId();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}
