using System.Globalization;
using Bff.Samples.Common;

namespace Bff.Samples.Jobs;

/// <summary>The seeded jobs plus the ones created since start-up; thread-safe.</summary>
internal sealed class JobStore
{
    private const string CursorKind = "jobs";

    private readonly Lock _gate = new();
    private readonly List<Job> _jobs = JobSeed.Generate();
    private readonly Dictionary<string, Job> _byId;

    public JobStore() => _byId = _jobs.ToDictionary(j => j.Id, StringComparer.Ordinal);

    public Job? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>The known jobs among <paramref name="ids"/>, in store order (not request order).</summary>
    public List<Job> FindMany(IReadOnlyCollection<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            return _jobs.Where(j => wanted.Contains(j.Id)).ToList();
        }
    }

    /// <summary>A client's jobs, newest first.</summary>
    public List<Job> ForClient(string clientId)
    {
        lock (_gate)
        {
            return _jobs.Where(j => j.ClientId == clientId).Reverse().ToList();
        }
    }

    /// <summary>One page, newest first; <see langword="null"/> when <paramref name="cursor"/> is not one of ours.</summary>
    public JobPage? Page(int limit, string? cursor, string? status, string? skill)
    {
        var after = int.MaxValue;
        if (cursor is not null && !PageToken.TryDecode(CursorKind, cursor, out after))
        {
            return null;
        }

        List<Job> matching;
        lock (_gate)
        {
            matching = _jobs.Where(j => (status is null || j.Status == status)
                    && (skill is null || j.Skills.Contains(skill, StringComparer.OrdinalIgnoreCase)))
                .Reverse()
                .ToList();
        }

        var items = matching.Where(j => Number(j) < after).Take(limit + 1).ToList();
        var next = items.Count > limit ? PageToken.Encode(CursorKind, Number(items[limit - 1])) : null;
        return new JobPage(items.Take(limit).ToList(), next, matching.Count);
    }

    /// <summary>Adds a job posted one minute after the previous created one (no clock: deterministic).</summary>
    public Job Add(string title, string description, string clientId, Budget budget, IReadOnlyList<string> skills, bool remote)
    {
        lock (_gate)
        {
            var created = _jobs.Count - JobSeed.Count + 1;
            var job = new Job(
                $"j{_jobs.Count + 1}",
                title,
                description,
                clientId,
                budget,
                skills,
                "open",
                SeedData.Timestamp(SeedData.Reference.AddMinutes(created)),
                remote);
            _jobs.Add(job);
            _byId.Add(job.Id, job);
            return job;
        }
    }

    private static int Number(Job job) => int.Parse(job.Id.AsSpan(1), CultureInfo.InvariantCulture);
}
