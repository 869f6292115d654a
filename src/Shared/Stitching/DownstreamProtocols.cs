using Bff.Stitching.Bindings;

namespace Bff.Stitching;

/// <summary>The protocols a host speaks, found by source kind or binding directive.</summary>
public sealed class DownstreamProtocols
{
    private readonly IReadOnlyList<IDownstreamProtocol> _all;

    /// <summary>Creates the set; each kind and each directive must be served by one protocol.</summary>
    public DownstreamProtocols(IEnumerable<IDownstreamProtocol> protocols)
    {
        _all = [.. protocols];
        var kinds = _all.GroupBy(p => p.Kind).FirstOrDefault(g => g.Count() > 1);
        var directives = _all.GroupBy(p => p.Directive, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (kinds is not null || directives is not null)
        {
            throw new ArgumentException($"Two protocols serve the same kind or directive ({kinds?.Key.ToString() ?? "@" + directives!.Key}).", nameof(protocols));
        }
    }

    /// <summary>Gets every protocol, in registration order.</summary>
    public IReadOnlyList<IDownstreamProtocol> All => _all;

    /// <summary>Gets the protocol of sources of <paramref name="kind"/>, or <see langword="null"/>.</summary>
    public IDownstreamProtocol? ForKind(SourceKind kind) => _all.FirstOrDefault(p => p.Kind == kind);

    /// <summary>Gets the protocol that made <paramref name="binding"/>.</summary>
    public IDownstreamProtocol For(FieldBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return ForKind(binding.Kind) ?? throw new InvalidOperationException($"No protocol serves {binding.Kind} bindings.");
    }
}
