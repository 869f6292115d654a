namespace Bff.Samples.Profiles;

/// <summary>A marketplace member (freelancer or client); serialized with snake_case names.</summary>
/// <param name="Id">The id, <c>p1</c>..<c>p300</c>.</param>
/// <param name="FullName">Given and family name.</param>
/// <param name="Headline">One short line, e.g. <c>Senior Backend Developer · dotnet, grpc</c>.</param>
/// <param name="Bio">A few paragraphs' worth of text, 400–800 characters.</param>
/// <param name="Avatar">Picture addresses.</param>
/// <param name="Location">Where the member lives.</param>
/// <param name="Skills">Skill slugs, e.g. <c>react</c>.</param>
/// <param name="HourlyRate">Hourly rate in US dollars.</param>
/// <param name="Rating">Average rating, 1.0–5.0, one decimal.</param>
/// <param name="MemberSince">RFC 3339 timestamp of sign-up.</param>
public sealed record Profile(
    string Id,
    string FullName,
    string Headline,
    string Bio,
    Avatar Avatar,
    Location Location,
    IReadOnlyList<string> Skills,
    double HourlyRate,
    double Rating,
    string MemberSince);

/// <summary>Picture addresses of a profile.</summary>
/// <param name="Url">The full-size picture.</param>
/// <param name="ThumbnailUrl">A 96×96 picture for lists and mobile screens.</param>
public sealed record Avatar(string Url, string ThumbnailUrl);

/// <summary>Where a member lives.</summary>
/// <param name="City">The city.</param>
/// <param name="Country">The country name in English, e.g. <c>Portugal</c>.</param>
public sealed record Location(string City, string Country);

/// <summary>One page of <c>GET /profiles?limit=&amp;offset=</c>.</summary>
/// <param name="Items">The profiles of the page, by id.</param>
/// <param name="Total">How many profiles there are in all.</param>
public sealed record ProfilePage(IReadOnlyList<Profile> Items, int Total);
