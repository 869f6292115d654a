namespace Bff.Stitching.Instances;

/// <summary>The instances of every source configured with <c>Addresses</c> (a source with one <c>BaseAddress</c> has none here).</summary>
public sealed class SourceInstanceSet
{
    /// <summary>Creates the instances of the sources in <paramref name="sources"/> that list several addresses.</summary>
    public SourceInstanceSet(IReadOnlyDictionary<string, SourceOptions> sources, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var (name, source) in sources)
        {
            if (SourceAddresses.Parse(source) is { Count: > 0 } addresses)
            {
                Sources[name] = new SourceInstances(addresses, source.InstanceRecheck, time);
            }
        }
    }

    /// <summary>Gets the instances by source name.</summary>
    public Dictionary<string, SourceInstances> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the instances of <paramref name="source"/>, or null when it has one base address.</summary>
    public SourceInstances? For(string source) => Sources.GetValueOrDefault(source);
}
