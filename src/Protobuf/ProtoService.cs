using System.Diagnostics.CodeAnalysis;

namespace Bff.Protobuf;

/// <summary>A protobuf service declaration.</summary>
public sealed class ProtoService
{
    private readonly List<ProtoMethod> _methods = [];
    private readonly Dictionary<string, ProtoMethod> _byName = new(StringComparer.Ordinal);

    internal ProtoService(string name, string fileName)
    {
        Name = name;
        FullName = name;
        FileName = fileName;
    }

    /// <summary>Gets the simple name (e.g. <c>ProposalService</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the fully qualified name (e.g. <c>marketplace.proposals.v1.ProposalService</c>).</summary>
    public string FullName { get; internal set; }

    /// <summary>Gets the name of the file that declares the service.</summary>
    public string FileName { get; }

    /// <summary>Gets the methods in declaration order.</summary>
    public IReadOnlyList<ProtoMethod> Methods => _methods;

    /// <summary>Finds a method by its simple name.</summary>
    public bool TryGetMethod(string name, [NotNullWhen(true)] out ProtoMethod? method) => _byName.TryGetValue(name, out method);

    /// <inheritdoc />
    public override string ToString() => FullName;

    internal bool AddMethod(ProtoMethod method)
    {
        if (!_byName.TryAdd(method.Name, method))
        {
            return false;
        }

        _methods.Add(method);
        return true;
    }
}
