namespace Bff.Samples.Reviews;

/// <summary>The seeded reviews, newest first per freelancer, plus those added while the service runs. Thread-safe.</summary>
public sealed class ReviewStore
{
    private readonly Lock _gate = new();
    private readonly List<Review> _reviews = ReviewSeed.Generate();

    /// <summary>Gets a freelancer's reviews, newest first.</summary>
    public IReadOnlyList<Review> For(string profileId)
    {
        lock (_gate)
        {
            return [.. _reviews.Where(r => r.ProfileId == profileId).OrderByDescending(r => r.CreatedAt, StringComparer.Ordinal)];
        }
    }

    /// <summary>Gets the reviews <paramref name="author"/> wrote, newest first.</summary>
    public IReadOnlyList<Review> By(string author)
    {
        lock (_gate)
        {
            return [.. _reviews.Where(r => r.Author == author).OrderByDescending(r => r.CreatedAt, StringComparer.Ordinal)];
        }
    }

    /// <summary>Gets a freelancer's rating, or <see langword="null"/> for an id the profiles service does not have.</summary>
    public Rating? RatingOf(string profileId)
    {
        if (!Known(profileId))
        {
            return null;
        }

        var reviews = For(profileId);
        return new Rating(profileId, reviews.Count == 0 ? 0 : Math.Round(reviews.Average(r => r.Stars), 2), reviews.Count);
    }

    /// <summary>Adds a review written now.</summary>
    public Review Add(string profileId, string author, int stars, string? text, DateTimeOffset now)
    {
        lock (_gate)
        {
            var review = new Review($"r{_reviews.Count + 1}", profileId, author, stars, text, Common.SeedData.Timestamp(now));
            _reviews.Add(review);
            return review;
        }
    }

    /// <summary>Gets whether <paramref name="profileId"/> is one of the profiles service's ids (p1…p300).</summary>
    public static bool Known(string profileId) =>
        profileId.StartsWith('p') && int.TryParse(profileId.AsSpan(1), out var n) && n is >= 1 and <= ReviewSeed.Profiles && profileId == $"p{n}";
}
