using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Bff.Protobuf;

/// <summary>Writes one decoded wire value of a field as JSON (numbers, strings, enum names, base64, nested objects).</summary>
internal static class ProtoValueWriter
{
    /// <summary>Writes <paramref name="value"/> interpreted as the type of <paramref name="field"/>.</summary>
    public static void Write(Utf8JsonWriter writer, ProtoField field, ProtoWireValue value, int depth, ProtoJsonOptions options)
    {
        var bits = value.Bits;
        switch (field.Type)
        {
            case ProtoFieldType.Int32 or ProtoFieldType.SFixed32:
                writer.WriteNumberValue((int)bits);
                break;
            case ProtoFieldType.Int64 or ProtoFieldType.SFixed64:
                WriteInt64(writer, (long)bits, options);
                break;
            case ProtoFieldType.UInt32 or ProtoFieldType.Fixed32:
                writer.WriteNumberValue((uint)bits);
                break;
            case ProtoFieldType.UInt64 or ProtoFieldType.Fixed64:
                WriteUInt64(writer, bits, options);
                break;
            case ProtoFieldType.SInt32:
                writer.WriteNumberValue((int)((uint)bits >> 1) ^ -(int)((uint)bits & 1));
                break;
            case ProtoFieldType.SInt64:
                WriteInt64(writer, (long)(bits >> 1) ^ -(long)(bits & 1), options);
                break;
            case ProtoFieldType.Bool:
                writer.WriteBooleanValue(bits != 0);
                break;
            case ProtoFieldType.Float:
                WriteFloatingPoint(writer, BitConverter.UInt32BitsToSingle((uint)bits));
                break;
            case ProtoFieldType.Double:
                WriteFloatingPoint(writer, BitConverter.UInt64BitsToDouble(bits));
                break;
            case ProtoFieldType.String:
                writer.WriteStringValue(Encoding.UTF8.GetString(value.Bytes.Span));
                break;
            case ProtoFieldType.Bytes:
                writer.WriteBase64StringValue(value.Bytes.Span);
                break;
            case ProtoFieldType.Enum:
                WriteEnum(writer, field.EnumType!, (int)bits);
                break;
            default:
                WriteNested(writer, field.ResolvedMessageType, value.Bytes, depth + 1, options);
                break;
        }
    }

    /// <summary>Writes the proto3 default of <paramref name="field"/>: 0, "", false, the first enum value, or an empty message.</summary>
    public static void WriteDefault(Utf8JsonWriter writer, ProtoField field, int depth, ProtoJsonOptions options)
    {
        switch (field.Type)
        {
            case ProtoFieldType.String or ProtoFieldType.Bytes:
                writer.WriteStringValue(string.Empty);
                break;
            case ProtoFieldType.Bool:
                writer.WriteBooleanValue(false);
                break;
            case ProtoFieldType.Enum:
                WriteEnum(writer, field.EnumType!, 0);
                break;
            case ProtoFieldType.Message:
                WriteNested(writer, field.ResolvedMessageType, ReadOnlyMemory<byte>.Empty, depth + 1, options);
                break;
            case ProtoFieldType.Int64 or ProtoFieldType.SInt64 or ProtoFieldType.SFixed64 or ProtoFieldType.UInt64 or ProtoFieldType.Fixed64:
                WriteInt64(writer, 0, options);
                break;
            default:
                writer.WriteNumberValue(0);
                break;
        }
    }

    private static void WriteInt64(Utf8JsonWriter writer, long value, ProtoJsonOptions options)
    {
        if (options.Int64AsString)
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    private static void WriteUInt64(Utf8JsonWriter writer, ulong value, ProtoJsonOptions options)
    {
        if (options.Int64AsString)
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNumberValue(value);
        }
    }

    /// <summary>Writes a nested message: the JSON form of a well-known type, or an object.</summary>
    public static void WriteNested(Utf8JsonWriter writer, ProtoMessage type, ReadOnlyMemory<byte> data, int depth, ProtoJsonOptions options)
    {
        if (!WellKnownTypeDecoder.TryWrite(writer, type, data, depth, options))
        {
            ProtoDecoder.WriteMessage(writer, type, data, depth, options);
        }
    }

    private static void WriteEnum(Utf8JsonWriter writer, ProtoEnum type, int number)
    {
        if (type.TryGetValue(number, out var value))
        {
            writer.WriteStringValue(value.Name);
        }
        else if (number == 0 && type.Values.Count > 0)
        {
            writer.WriteStringValue(type.Values[0].Name);
        }
        else
        {
            writer.WriteNumberValue(number);
        }
    }

    private static void WriteFloatingPoint(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private static void WriteFloatingPoint(Utf8JsonWriter writer, float value)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            WriteFloatingPoint(writer, (double)value);
        }
    }
}
