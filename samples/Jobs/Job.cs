namespace Bff.Samples.Jobs;

/// <summary>A job a client posted; serialized with snake_case names.</summary>
/// <param name="Id">The id, <c>j1</c>..<c>j400</c> for the seeded jobs, then <c>j401</c>... as jobs are created.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Description">The full description, several hundred characters.</param>
/// <param name="ClientId">The profile id of the client who posted the job (<c>p1</c>..<c>p300</c>).</param>
/// <param name="Budget">What the client will pay, in whole currency units.</param>
/// <param name="Skills">Skill slugs, e.g. <c>react</c>.</param>
/// <param name="Status"><c>open</c>, <c>in_progress</c> or <c>closed</c>.</param>
/// <param name="PostedAt">RFC 3339 timestamp of posting.</param>
/// <param name="Remote">Whether the work can be done remotely.</param>
public sealed record Job(
    string Id,
    string Title,
    string Description,
    string ClientId,
    Budget Budget,
    IReadOnlyList<string> Skills,
    string Status,
    string PostedAt,
    bool Remote);

/// <summary>What a client will pay for a job.</summary>
/// <param name="Min">The least, in whole currency units.</param>
/// <param name="Max">The most, in whole currency units; at least <paramref name="Min"/>.</param>
/// <param name="Currency">ISO 4217 code, e.g. <c>USD</c>.</param>
public sealed record Budget(int Min, int Max, string Currency);

/// <summary>One page of <c>GET /jobs</c>.</summary>
/// <param name="Items">The jobs of the page, newest first.</param>
/// <param name="NextCursor">The cursor of the next page; <see langword="null"/> on the last page.</param>
/// <param name="Total">How many jobs match the filters, all pages together.</param>
public sealed record JobPage(IReadOnlyList<Job> Items, string? NextCursor, int Total);

/// <summary>The body of <c>POST /jobs</c>.</summary>
/// <param name="Title">Required, 5–120 characters.</param>
/// <param name="Description">Required, 20–5000 characters.</param>
/// <param name="ClientId">Required, a profile id such as <c>p12</c>.</param>
/// <param name="Budget">Required.</param>
/// <param name="Skills">Required, 0–15 skill slugs of at most 40 characters.</param>
/// <param name="Remote">Optional; <see langword="true"/> when absent.</param>
public sealed record CreateJobRequest(
    string? Title,
    string? Description,
    string? ClientId,
    BudgetInput? Budget,
    IReadOnlyList<string?>? Skills,
    bool? Remote);

/// <summary>The budget of <see cref="CreateJobRequest"/>.</summary>
/// <param name="Min">Required, at least 1.</param>
/// <param name="Max">Required, at least <paramref name="Min"/>.</param>
/// <param name="Currency">Required, three upper-case letters.</param>
public sealed record BudgetInput(int? Min, int? Max, string? Currency);
