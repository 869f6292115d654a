using System.Collections.ObjectModel;

namespace Bff.Stitching;

/// <summary>
/// The configured sources by name (<c>Bff:Sources</c>), as the policies that act per source (caching, resilience,
/// forwarding) receive them from DI: they need the sources, not the whole host configuration.
/// </summary>
/// <param name="sources">The sources, keyed by name (ordinal).</param>
public sealed class SourceSet(IDictionary<string, SourceOptions> sources) : ReadOnlyDictionary<string, SourceOptions>(sources);
