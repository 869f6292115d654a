using System.Diagnostics.CodeAnalysis;

namespace Bff.Protobuf;

/// <summary>A protobuf message declaration (top-level or nested).</summary>
public sealed class ProtoMessage
{
    private readonly List<ProtoField> _fields = [];
    private readonly Dictionary<string, ProtoField> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ProtoField> _byNumber = [];
    private readonly List<ProtoMessage> _messages = [];
    private readonly List<ProtoEnum> _enums = [];
    private readonly List<string> _oneofs = [];
    private Dictionary<string, ProtoField>? _byJsonName;

    internal ProtoMessage(string name, string fileName, bool isProto3, ProtoMessage? parent)
    {
        Name = name;
        FullName = name;
        FileName = fileName;
        IsProto3 = isProto3;
        Parent = parent;
    }

    /// <summary>Gets the simple name.</summary>
    public string Name { get; }

    /// <summary>Gets the fully qualified name without a leading dot (e.g. <c>marketplace.proposals.v1.Proposal</c>).</summary>
    public string FullName { get; internal set; }

    /// <summary>Gets the name of the file that declares the message.</summary>
    public string FileName { get; }

    /// <summary>Gets a value indicating whether the declaring file uses <c>syntax = "proto3"</c>.</summary>
    public bool IsProto3 { get; }

    /// <summary>Gets the enclosing message of a nested message, or <see langword="null"/>.</summary>
    public ProtoMessage? Parent { get; }

    /// <summary>Gets the set the message was resolved in (to find the types a <c>google.protobuf.Any</c> names).</summary>
    internal ProtoSchemaSet? Schema { get; set; }

    /// <summary>Gets the fields in declaration order (oneof members included).</summary>
    public IReadOnlyList<ProtoField> Fields => _fields;

    /// <summary>Gets the nested messages.</summary>
    public IReadOnlyList<ProtoMessage> NestedMessages => _messages;

    /// <summary>Gets the nested enums.</summary>
    public IReadOnlyList<ProtoEnum> NestedEnums => _enums;

    /// <summary>Gets the names of the oneof groups, in declaration order.</summary>
    public IReadOnlyList<string> Oneofs => _oneofs;

    /// <summary>Gets a value indicating whether this is a well-known type from <c>google/protobuf/*.proto</c>.</summary>
    public bool IsWellKnownType => FullName.StartsWith("google.protobuf.", StringComparison.Ordinal);

    /// <summary>Finds a field by its proto name (<c>page_size</c>) or its JSON name (<c>pageSize</c>).</summary>
    public bool TryGetField(string name, [NotNullWhen(true)] out ProtoField? field)
    {
        if (_byName.TryGetValue(name, out field))
        {
            return true;
        }

        _byJsonName ??= BuildJsonNames();
        return _byJsonName.TryGetValue(name, out field);
    }

    /// <summary>Finds a field by its number.</summary>
    public bool TryGetField(int number, [NotNullWhen(true)] out ProtoField? field) => _byNumber.TryGetValue(number, out field);

    /// <inheritdoc />
    public override string ToString() => FullName;

    internal ProtoField? AddField(ProtoField field)
    {
        if (_byName.TryGetValue(field.Name, out var existing) || _byNumber.TryGetValue(field.Number, out existing))
        {
            return existing;
        }

        field.DeclaringMessage = this;
        field.Index = _fields.Count;
        _fields.Add(field);
        _byName.Add(field.Name, field);
        _byNumber.Add(field.Number, field);
        _byJsonName = null;
        return null;
    }

    internal void AddMessage(ProtoMessage message) => _messages.Add(message);

    internal void AddEnum(ProtoEnum value) => _enums.Add(value);

    internal void AddOneof(string name) => _oneofs.Add(name);

    private Dictionary<string, ProtoField> BuildJsonNames()
    {
        var names = new Dictionary<string, ProtoField>(StringComparer.Ordinal);
        foreach (var field in _fields)
        {
            names.TryAdd(field.JsonName, field);
        }

        return names;
    }
}
