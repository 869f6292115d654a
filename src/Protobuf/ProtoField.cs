namespace Bff.Protobuf;

/// <summary>A field of a protobuf message (oneof members are flattened into the message's fields).</summary>
public sealed class ProtoField
{
    private ProtoMessage? _declaringMessage;

    internal ProtoField(string name, int number, string typeName, ProtoFieldType type)
    {
        Name = name;
        JsonName = ProtoNames.ToJsonName(name);
        Number = number;
        TypeName = typeName;
        Type = type;
    }

    /// <summary>Gets the field name as written in the .proto file (usually snake_case).</summary>
    public string Name { get; }

    /// <summary>Gets the JSON name: the lowerCamelCase form of <see cref="Name"/>, or the <c>json_name</c> option.</summary>
    public string JsonName { get; internal set; }

    /// <summary>Gets the field number.</summary>
    public int Number { get; }

    /// <summary>Gets the type as written (<c>int32</c>, <c>Money</c>, <c>.a.b.C</c>, <c>map&lt;string, int32&gt;</c>).</summary>
    public string TypeName { get; }

    /// <summary>
    /// Gets the field type. For a map field this is <see cref="ProtoFieldType.Message"/> (the map entry);
    /// see <see cref="MapKey"/> and <see cref="MapValue"/>.
    /// </summary>
    public ProtoFieldType Type { get; internal set; }

    /// <summary>Gets a value indicating whether the field is <c>repeated</c> (map fields are repeated too).</summary>
    public bool IsRepeated { get; internal init; }

    /// <summary>Gets a value indicating whether the field was declared with the <c>optional</c> label.</summary>
    public bool IsOptional { get; internal init; }

    /// <summary>
    /// Gets a value indicating whether the field tracks presence (proto3 <c>optional</c>, oneof members,
    /// message fields, proto2 singular fields). Absent fields without presence decode as their default value.
    /// </summary>
    public bool HasPresence { get; internal set; }

    /// <summary>Gets the name of the oneof group the field belongs to, or <see langword="null"/>.</summary>
    public string? OneofName { get; internal init; }

    /// <summary>Gets a value indicating whether repeated scalar values are written packed.</summary>
    public bool IsPacked { get; internal set; }

    /// <summary>Gets the packed option as written (<c>[packed = true|false]</c>), or <see langword="null"/>.</summary>
    public bool? PackedOption { get; internal set; }

    /// <summary>Gets a value indicating whether this is a <c>map&lt;K, V&gt;</c> field.</summary>
    public bool IsMap => MapKey is not null;

    /// <summary>Gets the key of a map field (number 1 of the map entry), or <see langword="null"/>.</summary>
    public ProtoField? MapKey { get; internal init; }

    /// <summary>Gets the value of a map field (number 2 of the map entry), or <see langword="null"/>.</summary>
    public ProtoField? MapValue { get; internal init; }

    /// <summary>Gets the message type of a message field, once resolved by a <see cref="ProtoSchemaSet"/>.</summary>
    public ProtoMessage? MessageType { get; internal set; }

    /// <summary>Gets the enum type of an enum field, once resolved by a <see cref="ProtoSchemaSet"/>.</summary>
    public ProtoEnum? EnumType { get; internal set; }

    /// <summary>Gets the message type of a message field, or fails when the field was never resolved.</summary>
    internal ProtoMessage ResolvedMessageType => MessageType ?? throw new InvalidOperationException(
        $"The type '{TypeName}' of field '{Name}' is not resolved: load its file through a {nameof(ProtoSchemaSet)}.");

    /// <summary>Gets the message that declares the field.</summary>
    public ProtoMessage DeclaringMessage
    {
        get => _declaringMessage ?? throw new InvalidOperationException($"Field '{Name}' is not part of a message.");
        internal set => _declaringMessage = value;
    }

    /// <summary>Gets or sets the position of the field in <see cref="ProtoMessage.Fields"/>.</summary>
    internal int Index { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{TypeName} {Name} = {Number}";
}
