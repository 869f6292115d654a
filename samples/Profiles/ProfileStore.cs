namespace Bff.Samples.Profiles;

/// <summary>The seeded profiles, read-only, ordered by numeric id.</summary>
internal sealed class ProfileStore
{
    private readonly List<Profile> _profiles = ProfileSeed.Generate();
    private readonly Dictionary<string, Profile> _byId;

    public ProfileStore() => _byId = _profiles.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public int Total => _profiles.Count;

    public Profile? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The known profiles among <paramref name="ids"/>, in store order (not request order).</summary>
    public List<Profile> FindMany(IReadOnlyCollection<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        return _profiles.Where(p => wanted.Contains(p.Id)).ToList();
    }

    public List<Profile> Page(int limit, int offset) => _profiles.Skip(offset).Take(limit).ToList();
}
