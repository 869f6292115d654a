using Bff.Samples.Common;

namespace Bff.Samples.Jobs;

/// <summary>Generates the same 400 jobs on every run (fixed seed, no clock).</summary>
internal static class JobSeed
{
    public const int Count = 400;

    /// <summary>Job <c>jN</c> is posted about (400 - N) × this before <see cref="SeedData.Reference"/>.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromHours(6);

    private static readonly Dictionary<string, string[]> Projects = new(StringComparer.Ordinal)
    {
        ["backend"] = ["a payments API", "an order service migration to .NET 10", "a GraphQL gateway", "an inventory sync worker"],
        ["frontend"] = ["a marketing site redesign", "a React analytics dashboard", "design system components", "a faster checkout flow"],
        ["mobile"] = ["an iOS fitness app", "an Android companion app", "a Flutter booking app", "offline sync for a field app"],
        ["design"] = ["a mobile app UI kit", "a brand refresh", "a new onboarding flow", "a product landing page"],
        ["data"] = ["a churn prediction model", "a sales dashboard", "a nightly ETL pipeline", "a recommendation engine"],
        ["devops"] = ["a Kubernetes migration", "a CI/CD pipeline overhaul", "reusable Terraform modules", "an observability stack"],
        ["writing"] = ["API reference documentation", "a ten-post blog series", "product copy for a launch", "a Spanish localization"],
        ["video"] = ["a product launch video", "a two-minute explainer animation", "weekly YouTube episodes", "event photography"],
    };

    private static readonly string[] Sentences =
    [
        "We are a small, remote-first team and we value clear written communication.",
        "The first milestone is a short discovery phase that ends with a written plan and an estimate.",
        "You will work closely with our product manager and get feedback within one business day.",
        "Please include links to two or three similar projects you delivered in your proposal.",
        "We expect weekly demos and a short summary of progress, risks and next steps.",
        "The existing material is well documented and you will get access on day one.",
        "There is a good chance of follow-up work for the right person once this project ships.",
        "Timezone overlap of at least three hours with Central European Time is a plus.",
        "Tell us how you would approach the first two weeks and what you would need from us.",
        "Quality matters more than speed here, but we do have a launch date in mind.",
    ];

    private static readonly string[] Statuses = ["open", "open", "open", "open", "open", "open", "in_progress", "in_progress", "closed", "closed"];

    public static List<Job> Generate()
    {
        var random = new Random(20250602);
        var jobs = new List<Job>(Count);
        for (var n = 1; n <= Count; n++)
        {
            var trade = random.Pick(SkillCatalog.Trades);
            var project = random.Pick(Projects[trade.Name]);
            var skills = random.PickDistinct(trade.Skills, random.Next(2, 6));
            var min = 250 * random.Next(1, 20);
            // Clients are p1, p6, ..., p296 (n % 5 == 1); the proposals seed takes freelancers from the rest.
            var postedAt = SeedData.Reference - ((Count - n) * Spacing) - TimeSpan.FromMinutes(random.Next(0, 300));
            jobs.Add(new Job(
                $"j{n}",
                Title(random, trade, project),
                Description(random, project, skills),
                ClientId: $"p{1 + (5 * random.Next(0, 60))}",
                new Budget(min, min + (250 * random.Next(1, 12)), "USD"),
                skills,
                random.Pick(Statuses),
                SeedData.Timestamp(postedAt),
                Remote: random.Next(0, 4) != 0));
        }

        return jobs;
    }

    private static string Title(Random random, SkillCatalog.Trade trade, string project) => random.Next(0, 3) switch
    {
        0 => $"{random.Pick(trade.Roles)} for {project}",
        1 => $"{random.Pick(trade.Roles)} needed: {project}",
        _ => $"Help with {project}",
    };

    private static string Description(Random random, string project, IReadOnlyList<string> skills)
    {
        var sentences = random.PickDistinct(Sentences, random.Next(4, 8));
        return $"We are looking for an experienced freelancer to deliver {project}. "
            + string.Join(' ', sentences)
            + $" Required skills: {string.Join(", ", skills)}.";
    }
}
