namespace Bff.Stitching.Instances;

/// <summary>Reads and checks <c>Bff:Sources:{name}:Addresses</c>, the instances of one source.</summary>
public static class SourceAddresses
{
    /// <summary>Gets the addresses of <paramref name="source"/> (empty when it has none or one is not an absolute http(s) URI).</summary>
    public static IReadOnlyList<Uri> Parse(SourceOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var addresses = new List<Uri>();
        foreach (var text in source.Addresses)
        {
            if (!TryParse(text, out var address))
            {
                return [];
            }

            addresses.Add(address);
        }

        return addresses;
    }

    /// <summary>
    /// Gets the one address a call that goes to a single instance uses (a contract read at start-up, a GraphQL source):
    /// the <c>BaseAddress</c>, else the first of <c>Addresses</c>; <see langword="null"/> when there is none.
    /// </summary>
    public static Uri? First(SourceOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.BaseAddress ?? (source.Addresses.Count > 0 && Uri.TryCreate(source.Addresses[0], UriKind.Absolute, out var first) ? first : null);
    }

    /// <summary>Gets every problem of the addresses of the sources, one message each, naming its key.</summary>
    public static IEnumerable<string> Validate(IReadOnlyDictionary<string, SourceOptions> sources, string configurationFile = "appsettings.json")
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var (name, source) in sources)
        {
            var where = $"{configurationFile}: Bff:Sources:{name}";
            // A BaseAddress left by the shipped appsettings.json may stay as long as it is one of the instances.
            if (source.Addresses.Count > 0 && source.BaseAddress is { } single && !Parse(source).Any(a => Uri.Compare(a, single,
                UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0))
            {
                yield return $"{where}: BaseAddress '{single}' is not one of Addresses: set BaseAddress to empty or to one of the addresses.";
            }

            for (var i = 0; i < source.Addresses.Count; i++)
            {
                if (!TryParse(source.Addresses[i], out _))
                {
                    yield return $"{where}:Addresses:{i}: '{source.Addresses[i]}' is not an absolute http or https URI (e.g. http://jobs-1:8080).";
                }
            }

            if (Parse(source).Select(a => a.Scheme).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                yield return $"{where}:Addresses: every address must use the same scheme (http or https).";
            }

            if (source.Addresses.Count > 0 && source.InstanceRecheck <= TimeSpan.Zero)
            {
                yield return $"{where}:InstanceRecheck: must be positive.";
            }
        }
    }

    private static bool TryParse(string? text, out Uri address)
    {
        address = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
        {
            return false;
        }

        address = uri;
        return true;
    }
}
