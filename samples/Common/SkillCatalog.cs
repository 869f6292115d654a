namespace Bff.Samples.Common;

/// <summary>
/// The marketplace's vocabulary, shared by the demo services so that a job's skills match freelancers'
/// skills. Skills are lowercase slugs, safe in a query string (<c>?skill=react</c>).
/// </summary>
public static class SkillCatalog
{
    /// <summary>The trades of the marketplace, each with the roles and skills it uses.</summary>
    public static readonly IReadOnlyList<Trade> Trades =
    [
        new("backend", ["Backend Developer", "API Engineer", "Platform Engineer"],
            ["dotnet", "csharp", "java", "go", "python", "node", "postgresql", "graphql", "grpc", "redis"]),
        new("frontend", ["Frontend Developer", "Web Developer", "UI Engineer"],
            ["react", "typescript", "javascript", "vue", "angular", "css", "graphql", "accessibility"]),
        new("mobile", ["Mobile Developer", "iOS Developer", "Android Developer"],
            ["kotlin", "swift", "flutter", "react-native", "ios", "android", "firebase"]),
        new("design", ["Product Designer", "UX Designer", "Brand Designer"],
            ["figma", "ux-design", "ui-design", "prototyping", "illustration", "branding", "user-research"]),
        new("data", ["Data Scientist", "Data Engineer", "ML Engineer"],
            ["python", "sql", "machine-learning", "data-analysis", "spark", "tableau", "pandas"]),
        new("devops", ["DevOps Engineer", "Cloud Architect", "Site Reliability Engineer"],
            ["kubernetes", "terraform", "aws", "azure", "docker", "ci-cd", "linux", "observability"]),
        new("writing", ["Technical Writer", "Copywriter", "Content Strategist"],
            ["copywriting", "seo", "technical-writing", "editing", "translation", "content-strategy"]),
        new("video", ["Video Editor", "Motion Designer", "Photographer"],
            ["video-editing", "motion-graphics", "after-effects", "photography", "color-grading"]),
    ];

    /// <summary>One trade of the marketplace.</summary>
    /// <param name="Name">A short name, e.g. <c>backend</c>.</param>
    /// <param name="Roles">Job roles, title case.</param>
    /// <param name="Skills">Skill slugs.</param>
    public sealed record Trade(string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Skills);
}
