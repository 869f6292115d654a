namespace Bff.Samples.Identity;

/// <summary>A seeded demo user who can sign in at the demo issuer's login form (every password is <c>demo</c>).</summary>
public sealed record DemoUser(string Subject, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes)
{
    /// <summary>The demo password of every seeded user.</summary>
    public const string Password = "demo";

    /// <summary>The seeded users: subjects are profile ids of the demo data.</summary>
    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("p1", "Client One (p1)", ["client"], ["jobs:read", "proposals:read"]),
        new("p3", "Freelancer Three (p3)", ["freelancer"], ["jobs:read", "proposals:read", "proposals:write"]),
    ];

    /// <summary>Finds a user by subject.</summary>
    public static DemoUser? Find(string? subject) => All.FirstOrDefault(u => u.Subject == subject);
}
