using System.Text;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>Name helpers shared by the parser and the codec.</summary>
internal static class ProtoNames
{
    /// <summary>The lowerCamelCase JSON name protoc derives from a field name: underscores dropped, next letter upper-cased.</summary>
    public static string ToJsonName(string fieldName)
    {
        if (!fieldName.Contains('_', StringComparison.Ordinal))
        {
            return fieldName;
        }

        var builder = new StringBuilder(fieldName.Length);
        var upperNext = false;
        foreach (var c in fieldName)
        {
            if (c == '_')
            {
                upperNext = true;
            }
            else
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>Maps a scalar type keyword to its type, or returns <see langword="null"/> for a named (message or enum) type.</summary>
    public static ProtoFieldType? ScalarType(string typeName) => typeName switch
    {
        "double" => ProtoFieldType.Double,
        "float" => ProtoFieldType.Float,
        "int64" => ProtoFieldType.Int64,
        "uint64" => ProtoFieldType.UInt64,
        "int32" => ProtoFieldType.Int32,
        "fixed64" => ProtoFieldType.Fixed64,
        "fixed32" => ProtoFieldType.Fixed32,
        "bool" => ProtoFieldType.Bool,
        "string" => ProtoFieldType.String,
        "bytes" => ProtoFieldType.Bytes,
        "uint32" => ProtoFieldType.UInt32,
        "sfixed32" => ProtoFieldType.SFixed32,
        "sfixed64" => ProtoFieldType.SFixed64,
        "sint32" => ProtoFieldType.SInt32,
        "sint64" => ProtoFieldType.SInt64,
        _ => null,
    };

    /// <summary>Gets the keyword of a scalar type, for messages.</summary>
    public static string Keyword(ProtoFieldType type) => type switch
    {
        ProtoFieldType.UInt64 => "uint64",
        ProtoFieldType.UInt32 => "uint32",
        ProtoFieldType.SFixed32 => "sfixed32",
        ProtoFieldType.SFixed64 => "sfixed64",
        ProtoFieldType.SInt32 => "sint32",
        ProtoFieldType.SInt64 => "sint64",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Gets a value indicating whether values of <paramref name="type"/> can be packed.</summary>
    public static bool IsPackable(ProtoFieldType type) =>
        type is not (ProtoFieldType.String or ProtoFieldType.Bytes or ProtoFieldType.Message);

    /// <summary>Gets the wire type of a single (unpacked) value of <paramref name="type"/>.</summary>
    public static WireFormat.WireType WireType(ProtoFieldType type) => type switch
    {
        ProtoFieldType.Fixed32 or ProtoFieldType.SFixed32 or ProtoFieldType.Float => WireFormat.WireType.Fixed32,
        ProtoFieldType.Fixed64 or ProtoFieldType.SFixed64 or ProtoFieldType.Double => WireFormat.WireType.Fixed64,
        ProtoFieldType.String or ProtoFieldType.Bytes or ProtoFieldType.Message => WireFormat.WireType.LengthDelimited,
        _ => WireFormat.WireType.Varint,
    };

    /// <summary>Describes the JSON a field of <paramref name="type"/> expects, for error messages ("an int32").</summary>
    public static string Expected(ProtoFieldType type, ProtoEnum? enumType, ProtoMessage? messageType) => type switch
    {
        ProtoFieldType.Enum => $"a value of enum {enumType?.FullName}",
        ProtoFieldType.Message => $"an object (message {messageType?.FullName})",
        ProtoFieldType.Bytes => "base64 bytes",
        ProtoFieldType.Int32 or ProtoFieldType.Int64 => "an " + Keyword(type),
        _ => "a " + Keyword(type),
    };
}
