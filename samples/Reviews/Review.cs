namespace Bff.Samples.Reviews;

/// <summary>A client's review of a freelancer.</summary>
/// <param name="Id">The review's id, e.g. <c>r17</c>.</param>
/// <param name="ProfileId">The reviewed freelancer's profile id (the profiles service's ids, <c>p1</c>…<c>p300</c>).</param>
/// <param name="Author">The reviewer's display name.</param>
/// <param name="Stars">1 to 5.</param>
/// <param name="Text">What the reviewer wrote, or <see langword="null"/> for a rating without text.</param>
/// <param name="CreatedAt">When it was written (RFC 3339).</param>
public sealed record Review(string Id, string ProfileId, string Author, int Stars, string? Text, string CreatedAt);

/// <summary>A freelancer's rating: the average of their reviews.</summary>
/// <param name="ProfileId">The freelancer's profile id.</param>
/// <param name="Average">The average stars, rounded to two decimals (0 without reviews).</param>
/// <param name="Count">How many reviews there are.</param>
public sealed record Rating(string ProfileId, double Average, int Count);

/// <summary>Whoever wrote a review: a <see cref="Company"/> or a <see cref="Person"/>.</summary>
/// <param name="Name">The display name.</param>
public abstract record Reviewer(string Name)
{
    /// <summary>Gets the reviewer of a review by its author.</summary>
    public static Reviewer Of(string author) => ReviewSeed.IsCompany(author) ? new Company(author) : new Person(author);
}

/// <summary>A company that hires freelancers.</summary>
/// <param name="Name">The company's name.</param>
public sealed record Company(string Name) : Reviewer(Name);

/// <summary>A person hiring on their own account.</summary>
/// <param name="Name">The person's name.</param>
public sealed record Person(string Name) : Reviewer(Name)
{
    /// <summary>Gets whether the marketplace verified the person's identity (fixed per name in the demo).</summary>
    public bool Verified => Name.Length % 2 == 0;
}
