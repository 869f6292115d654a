using System.Diagnostics.CodeAnalysis;

namespace Bff.Protobuf;

/// <summary>A protobuf enum declaration (top-level or nested in a message).</summary>
public sealed class ProtoEnum
{
    private readonly List<ProtoEnumValue> _values = [];
    private readonly Dictionary<string, ProtoEnumValue> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ProtoEnumValue> _byNumber = [];

    internal ProtoEnum(string name, string fileName, bool isClosed)
    {
        Name = name;
        FullName = name;
        FileName = fileName;
        IsClosed = isClosed;
    }

    /// <summary>Gets the simple name.</summary>
    public string Name { get; }

    /// <summary>Gets the fully qualified name without a leading dot (e.g. <c>marketplace.proposals.v1.ProposalStatus</c>).</summary>
    public string FullName { get; internal set; }

    /// <summary>Gets the name of the file that declares the enum.</summary>
    public string FileName { get; }

    /// <summary>Gets a value indicating whether the enum is closed (proto2: unknown numbers are not valid values).</summary>
    public bool IsClosed { get; }

    /// <summary>Gets the values in declaration order; the first is the default.</summary>
    public IReadOnlyList<ProtoEnumValue> Values => _values;

    /// <summary>Finds a value by its name.</summary>
    public bool TryGetValue(string name, [NotNullWhen(true)] out ProtoEnumValue? value) => _byName.TryGetValue(name, out value);

    /// <summary>Finds the first value declared with <paramref name="number"/> (aliases share numbers).</summary>
    public bool TryGetValue(int number, [NotNullWhen(true)] out ProtoEnumValue? value) => _byNumber.TryGetValue(number, out value);

    /// <inheritdoc />
    public override string ToString() => FullName;

    internal bool AddValue(ProtoEnumValue value)
    {
        if (!_byName.TryAdd(value.Name, value))
        {
            return false;
        }

        _values.Add(value);
        _byNumber.TryAdd(value.Number, value);
        return true;
    }
}
