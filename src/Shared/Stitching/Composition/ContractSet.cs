using Bff.Stitching.Bindings;
using Bff.Stitching.Contracts;

namespace Bff.Stitching.Composition;

/// <summary>The contracts of every configured source, loaded once at start-up by each source's protocol.</summary>
public sealed class ContractSet
{
    /// <summary>Gets the problems found while loading sources and contracts.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Gets the contract of every source whose contract loaded, by source name.</summary>
    public Dictionary<string, ISourceContract> Sources { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, SourceKind> _kinds = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets the contract <paramref name="binding"/> is checked against: its source's, when that source is of the binding's
    /// kind (a binding on a source of another kind is reported, not checked).
    /// </summary>
    public ISourceContract? For(Bindings.FieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return Sources.TryGetValue(binding.Source, out var contract) && _kinds[binding.Source] == binding.Kind ? contract : null;
    }

    /// <summary>Loads the contract of every source in <paramref name="sources"/> with its protocol; never throws for bad input.</summary>
    public static ContractSet Load(IReadOnlyDictionary<string, SourceOptions> sources, DownstreamProtocols protocols, string baseDirectory, string configurationFile)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(protocols);
        var set = new ContractSet();
        foreach (var (name, source) in sources)
        {
            var where = $"{configurationFile}: Bff:Sources:{name}";
            if (source.Addresses.Count == 0 && (source.BaseAddress is null || !source.BaseAddress.IsAbsoluteUri))
            {
                set.Errors.Add($"{where}:BaseAddress: an absolute URI is required (e.g. http://localhost:5301), or Addresses for several instances.");
            }

            if (source.Timeout <= TimeSpan.Zero)
            {
                set.Errors.Add($"{where}:Timeout: must be positive.");
            }

            if (source.MaxBatchSize < 1)
            {
                set.Errors.Add($"{where}:MaxBatchSize: must be at least 1.");
            }

            if (protocols.ForKind(source.Kind) is not { } protocol)
            {
                set.Errors.Add($"{where}:Kind: no protocol serves {source.Kind} sources (known: {string.Join(", ", protocols.All.Select(p => p.Kind))}).");
                continue;
            }

            if (string.IsNullOrWhiteSpace(source.Contract))
            {
                set.Errors.Add($"{where}:Contract: the {protocol.ContractDescription} of the source is required.");
                continue;
            }

            if (protocol is IFetchedContractProtocol fetcher && string.Equals(source.Contract, fetcher.FetchedContract, StringComparison.OrdinalIgnoreCase))
            {
                if ((source.BaseAddress is { IsAbsoluteUri: true } || source.Addresses.Count > 0) && fetcher.FetchContract(name, source, $"{where}:Contract", set.Errors) is { } fetched)
                {
                    set.Sources[name] = fetched;
                    set._kinds[name] = source.Kind;
                }

                continue;
            }

            var path = Path.Combine(baseDirectory, source.Contract);
            if (!File.Exists(path))
            {
                set.Errors.Add($"{where}:Contract: file '{source.Contract}' not found (looked at {path}).");
                continue;
            }

            if (protocol.LoadContract(new ContractFile(source.Contract, path, baseDirectory, source), set.Errors) is { } contract)
            {
                set.Sources[name] = contract;
                set._kinds[name] = source.Kind;
            }
        }

        return set;
    }
}
