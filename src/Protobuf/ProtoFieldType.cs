namespace Bff.Protobuf;

/// <summary>The type of a protobuf field: one of the scalar types, an enum or a message.</summary>
public enum ProtoFieldType
{
    /// <summary><c>double</c>: 64-bit floating point.</summary>
    Double,
    /// <summary><c>float</c>: 32-bit floating point.</summary>
    Float,
    /// <summary><c>int64</c>: signed varint.</summary>
    Int64,
    /// <summary><c>uint64</c>: unsigned varint.</summary>
    UInt64,
    /// <summary><c>int32</c>: signed varint.</summary>
    Int32,
    /// <summary><c>fixed64</c>: unsigned, always 8 bytes.</summary>
    Fixed64,
    /// <summary><c>fixed32</c>: unsigned, always 4 bytes.</summary>
    Fixed32,
    /// <summary><c>bool</c>.</summary>
    Bool,
    /// <summary><c>string</c>: UTF-8 text.</summary>
    String,
    /// <summary><c>bytes</c>: raw bytes (base64 in JSON).</summary>
    Bytes,
    /// <summary><c>uint32</c>: unsigned varint.</summary>
    UInt32,
    /// <summary><c>sfixed32</c>: signed, always 4 bytes.</summary>
    SFixed32,
    /// <summary><c>sfixed64</c>: signed, always 8 bytes.</summary>
    SFixed64,
    /// <summary><c>sint32</c>: zig-zag encoded signed varint.</summary>
    SInt32,
    /// <summary><c>sint64</c>: zig-zag encoded signed varint.</summary>
    SInt64,
    /// <summary>A message type; see <see cref="ProtoField.MessageType"/>.</summary>
    Message,
    /// <summary>An enum type; see <see cref="ProtoField.EnumType"/>.</summary>
    Enum,
}
