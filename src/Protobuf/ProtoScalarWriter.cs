using System.Text.Json;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>Writes one scalar JSON value as a protobuf scalar (or enum) of a given type.</summary>
internal static class ProtoScalarWriter
{
    /// <summary>
    /// Converts <paramref name="element"/> to <paramref name="type"/> and writes it, with its tag when
    /// <paramref name="number"/> is positive (0 writes the bare value, as inside a packed list). With
    /// <paramref name="skipDefault"/>, a default value (0, "", false) is not written. Returns false when the
    /// value does not convert; nothing is written then.
    /// </summary>
    public static bool TryWrite(CodedOutputStream output, ProtoFieldType type, ProtoEnum? enumType, JsonElement element, int number, bool skipDefault)
    {
        if (type is ProtoFieldType.String or ProtoFieldType.Bytes)
        {
            return TryWriteLengthDelimited(output, type, element, number, skipDefault);
        }

        if (!TryGetBits(type, enumType, element, out var bits))
        {
            return false;
        }

        if (skipDefault && bits == 0)
        {
            return true;
        }

        var wireType = ProtoNames.WireType(type);
        if (number > 0)
        {
            output.WriteTag(number, wireType);
        }

        switch (wireType)
        {
            case WireFormat.WireType.Fixed32:
                output.WriteFixed32((uint)bits);
                break;
            case WireFormat.WireType.Fixed64:
                output.WriteFixed64(bits);
                break;
            default:
                output.WriteUInt64(bits);
                break;
        }

        return true;
    }

    /// <summary>Converts a numeric, bool or enum value to the raw bits written on the wire (varint value or fixed bits).</summary>
    private static bool TryGetBits(ProtoFieldType type, ProtoEnum? enumType, JsonElement element, out ulong bits)
    {
        bits = 0;
        bool ok;
        switch (type)
        {
            case ProtoFieldType.Enum when enumType is not null:
                ok = ProtoJsonScalars.TryEnum(element, enumType, out var number);
                bits = (ulong)(long)number;
                return ok;
            case ProtoFieldType.Int32 or ProtoFieldType.SInt32 or ProtoFieldType.SFixed32:
                ok = ProtoJsonScalars.TrySigned(element, int.MinValue, int.MaxValue, out var i32);
                var narrow = (int)i32;
                bits = type switch
                {
                    ProtoFieldType.SInt32 => (uint)((narrow << 1) ^ (narrow >> 31)),
                    ProtoFieldType.SFixed32 => (uint)narrow,
                    _ => (ulong)i32,
                };
                return ok;
            case ProtoFieldType.Int64 or ProtoFieldType.SInt64 or ProtoFieldType.SFixed64:
                ok = ProtoJsonScalars.TrySigned(element, long.MinValue, long.MaxValue, out var i64);
                bits = type == ProtoFieldType.SInt64 ? (ulong)((i64 << 1) ^ (i64 >> 63)) : (ulong)i64;
                return ok;
            case ProtoFieldType.UInt32 or ProtoFieldType.Fixed32:
                return ProtoJsonScalars.TryUnsigned(element, uint.MaxValue, out bits);
            case ProtoFieldType.UInt64 or ProtoFieldType.Fixed64:
                return ProtoJsonScalars.TryUnsigned(element, ulong.MaxValue, out bits);
            case ProtoFieldType.Float:
                ok = ProtoJsonScalars.TryDouble(element, isFloat: true, out var f);
                bits = BitConverter.SingleToUInt32Bits((float)f);
                return ok;
            case ProtoFieldType.Double:
                ok = ProtoJsonScalars.TryDouble(element, isFloat: false, out var d);
                bits = BitConverter.DoubleToUInt64Bits(d);
                return ok;
            case ProtoFieldType.Bool:
                ok = ProtoJsonScalars.TryBool(element, out var b);
                bits = b ? 1UL : 0UL;
                return ok;
            default:
                return false;
        }
    }

    private static bool TryWriteLengthDelimited(CodedOutputStream output, ProtoFieldType type, JsonElement element, int number, bool skipDefault)
    {
        string? text = null;
        byte[]? bytes = null;
        if (type == ProtoFieldType.String ? !ProtoJsonScalars.TryString(element, out text) : !ProtoJsonScalars.TryBytes(element, out bytes))
        {
            return false;
        }

        if (skipDefault && (text ?? string.Empty).Length == 0 && (bytes ?? []).Length == 0)
        {
            return true;
        }

        if (number > 0)
        {
            output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        }

        if (text is not null)
        {
            output.WriteString(text);
        }
        else
        {
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(bytes));
        }

        return true;
    }
}
