using Bff.Samples.Common;

namespace Bff.Samples.Reviews;

/// <summary>Generates the same reviews on every run (fixed seed, no clock) for the profiles service's ids p1…p300.</summary>
internal static class ReviewSeed
{
    public const int Profiles = 300;

    private static readonly string[] Authors =
    [
        "Northwind Studio", "Blue Harbor Labs", "Acme Retail", "Kestrel Health", "Lumen Finance", "Orbit Games",
        "Tidewater Logistics", "Maple Education", "Cobalt Energy", "Juniper Media",
    ];

    // People who hire on their own account; every fourth review is one of theirs (picked by position, not by the random
    // sequence, so the rest of the seed stays as it was).
    private static readonly string[] People = ["Ana Souza", "Kenji Watanabe", "Leila Haddad", "Tomas Ortega", "Mia Jensen"];

    private static readonly string[] Texts =
    [
        "Delivered ahead of schedule and communicated clearly throughout.",
        "Great attention to detail; the handover documentation was excellent.",
        "Solid work, though a couple of milestones slipped by a few days.",
        "Understood our problem quickly and proposed a simpler solution.",
        "Would hire again for the next phase of the project.",
        "Friendly, responsive and pragmatic about trade-offs.",
    ];

    /// <summary>Gets whether a review's author is a company (else a person hiring on their own account).</summary>
    public static bool IsCompany(string author) => Authors.Contains(author, StringComparer.Ordinal);

    public static List<Review> Generate()
    {
        var random = new Random(20250602);
        var reviews = new List<Review>();
        for (var n = 1; n <= Profiles; n++)
        {
            var count = random.Next(0, 7);
            for (var i = 0; i < count; i++)
            {
                var created = SeedData.Reference.AddDays(-random.Next(1, 720)).AddMinutes(-random.Next(0, 1440));
                var text = random.Next(5) == 0 ? null : random.Pick(Texts);
                var company = random.Pick(Authors);
                var number = reviews.Count + 1;
                var author = number % 4 == 0 ? People[number / 4 % People.Length] : company;
                reviews.Add(new Review($"r{number}", $"p{n}", author, random.Next(3, 6), text, SeedData.Timestamp(created)));
            }
        }

        return reviews;
    }
}
