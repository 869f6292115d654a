using Bff.Samples.Common;

namespace Bff.Samples.Profiles;

/// <summary>Generates the same 300 profiles on every run (fixed seed, no clock).</summary>
internal static class ProfileSeed
{
    public const int Count = 300;

    private static readonly string[] GivenNames =
    [
        "Ana", "Ben", "Chloé", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Julia", "Kwame", "Lena",
        "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Yara",
        "Zoe", "Aiko", "Bruno", "Carmen", "Diego", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas", "Kira",
    ];

    private static readonly string[] FamilyNames =
    [
        "Almeida", "Becker", "Chen", "Dubois", "Eriksson", "Fischer", "García", "Hoffmann", "Ivanova", "Jensen",
        "Kowalski", "Laurent", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka",
        "Urban", "Varga", "Weber", "Xu", "Yilmaz", "Zimmermann", "Andersen", "Novak", "Santos", "Haddad",
    ];

    private static readonly Location[] Locations =
    [
        new("Lisbon", "Portugal"), new("Berlin", "Germany"), new("Paris", "France"), new("Kraków", "Poland"),
        new("Amsterdam", "Netherlands"), new("Barcelona", "Spain"), new("Stockholm", "Sweden"), new("Milan", "Italy"),
        new("Toronto", "Canada"), new("Austin", "United States"), new("Lagos", "Nigeria"), new("Nairobi", "Kenya"),
        new("Bangalore", "India"), new("Tokyo", "Japan"), new("Seoul", "South Korea"), new("São Paulo", "Brazil"),
        new("Buenos Aires", "Argentina"), new("Istanbul", "Turkey"), new("Cape Town", "South Africa"), new("Sydney", "Australia"),
    ];

    private static readonly string[] Levels = ["Junior", "Mid-level", "Senior", "Lead", "Principal"];

    private static readonly string[] BioSentences =
    [
        "I help product teams turn rough ideas into reliable software that people enjoy using every day.",
        "Over the years I have worked with early-stage startups, agencies and a few large enterprises.",
        "My favourite projects start with a clear problem, a small team and a short feedback loop.",
        "I write clear documentation and leave every codebase a little tidier than I found it.",
        "Clients describe me as calm under pressure, honest about trade-offs and quick to respond.",
        "I work asynchronously across time zones and send a short written update at the end of each day.",
        "Before freelancing I spent several years in product teams shipping features to millions of users.",
        "I care about accessibility, performance and the small details that make a product feel finished.",
        "When requirements are fuzzy I run a short discovery session and propose a plan with milestones.",
        "I am comfortable owning a project end to end or joining an existing team for a few sprints.",
        "Outside of work I mentor newcomers to the industry and speak at local meetups now and then.",
        "I prefer fixed-scope milestones with a demo at the end of each one, so there are no surprises.",
    ];

    public static List<Profile> Generate()
    {
        var random = new Random(20250601);
        var profiles = new List<Profile>(Count);
        for (var n = 1; n <= Count; n++)
        {
            var id = $"p{n}";
            var trade = random.Pick(SkillCatalog.Trades);
            var skills = random.PickDistinct(trade.Skills, random.Next(3, 7));
            var headline = $"{random.Pick(Levels)} {random.Pick(trade.Roles)} · {string.Join(", ", skills.Take(2))}";
            profiles.Add(new Profile(
                id,
                $"{random.Pick(GivenNames)} {random.Pick(FamilyNames)}",
                headline,
                Bio(random, trade),
                new Avatar($"https://cdn.example.com/avatars/{id}.jpg", $"https://cdn.example.com/avatars/{id}_96.jpg"),
                random.Pick(Locations),
                skills,
                HourlyRate: 25 + (5 * random.Next(0, 26)),
                Rating: (random.Next(0, 10) == 0 ? random.Next(25, 51) : random.Next(38, 51)) / 10.0,
                SeedData.Timestamp(new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 3650)))));
        }

        return profiles;
    }

    private static string Bio(Random random, SkillCatalog.Trade trade)
    {
        var text = $"I am a {trade.Roles[0].ToLowerInvariant()} focused on {string.Join(", ", trade.Skills.Take(3))}.";
        foreach (var sentence in random.PickDistinct(BioSentences, BioSentences.Length))
        {
            if (text.Length + 1 + sentence.Length > 800)
            {
                break;
            }

            text += " " + sentence;
            if (text.Length >= 400 && random.Next(0, 3) == 0)
            {
                break;
            }
        }

        return text;
    }
}
