using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>
/// Writes the JSON forms of the well-known types found inside messages: RFC 3339 strings for <c>Timestamp</c>,
/// <c>"1.5s"</c> for <c>Duration</c>, bare values for wrappers, and plain JSON for <c>Struct</c>, <c>Value</c> and <c>ListValue</c>.
/// </summary>
internal static class WellKnownTypeDecoder
{
    /// <summary>Writes <paramref name="data"/> in the JSON form of <paramref name="type"/>; returns false for other types.</summary>
    public static bool TryWrite(Utf8JsonWriter writer, ProtoMessage type, ReadOnlyMemory<byte> data, int depth, ProtoJsonOptions options)
    {
        if (!WellKnownProtos.HasSpecialJson(type.FullName))
        {
            return false;
        }

        if (depth > ProtoDecoder.MaxDepth)
        {
            throw new ProtoDecodeException(type.FullName, $"messages are nested deeper than {ProtoDecoder.MaxDepth} levels");
        }

        var (slots, _) = ProtoDecoder.Scan(type, data);
        switch (type.FullName)
        {
            case WellKnownProtos.Timestamp or WellKnownProtos.Duration:
                var seconds = (long)(slots[0]?[^1].Bits ?? 0);
                var nanos = (int)(slots[1]?[^1].Bits ?? 0);
                var text = type.FullName == WellKnownProtos.Timestamp
                    ? WellKnownTimeFormats.FormatTimestamp(seconds, nanos)
                    : WellKnownTimeFormats.FormatDuration(seconds, nanos);
                writer.WriteStringValue(text ?? throw new ProtoDecodeException(type.FullName, $"seconds {seconds} and nanos {nanos} are out of range"));
                return true;
            case WellKnownProtos.Struct:
                WriteStruct(writer, data, depth);
                return true;
            case WellKnownProtos.ListValue:
                WriteList(writer, data, depth);
                return true;
            case WellKnownProtos.Value:
                WriteValue(writer, data, depth);
                return true;
            case WellKnownProtos.FieldMask:
                WellKnownFieldMask.Write(writer, slots[0]);
                return true;
            case WellKnownProtos.Any:
                WellKnownAny.Write(writer, type, slots, depth, options);
                return true;
            default:
                var field = type.Fields[0];
                if (slots[0] is { } values)
                {
                    ProtoValueWriter.Write(writer, field, values[^1], depth, options);
                }
                else
                {
                    ProtoValueWriter.WriteDefault(writer, field, depth, options);
                }

                return true;
        }
    }

    private static void WriteStruct(Utf8JsonWriter writer, ReadOnlyMemory<byte> data, int depth)
    {
        var entries = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        foreach (var entry in Repeated(data, 1))
        {
            var key = string.Empty;
            var value = ReadOnlyMemory<byte>.Empty;
            var input = ProtoWireValue.OpenReader(entry);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var wireType = WireFormat.GetTagWireType(tag);
                if (ProtoWireValue.TryRead(input, wireType, out var read) && wireType == WireFormat.WireType.LengthDelimited)
                {
                    var number = WireFormat.GetTagFieldNumber(tag);
                    if (number == 1)
                    {
                        key = Encoding.UTF8.GetString(read.Bytes.Span);
                    }
                    else if (number == 2)
                    {
                        value = read.Bytes;
                    }
                }
            }

            entries[key] = value;
        }

        writer.WriteStartObject();
        foreach (var (key, value) in entries)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value, depth + 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, ReadOnlyMemory<byte> data, int depth)
    {
        writer.WriteStartArray();
        foreach (var item in Repeated(data, 1))
        {
            WriteValue(writer, item, depth + 1);
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, ReadOnlyMemory<byte> data, int depth)
    {
        if (depth > ProtoDecoder.MaxDepth)
        {
            throw new ProtoDecodeException(WellKnownProtos.Value, $"values are nested deeper than {ProtoDecoder.MaxDepth} levels");
        }

        var (number, kind) = (0, default(ProtoWireValue));
        var input = ProtoWireValue.OpenReader(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (ProtoWireValue.TryRead(input, WireFormat.GetTagWireType(tag), out var read))
            {
                (number, kind) = (WireFormat.GetTagFieldNumber(tag), read);
            }
        }

        switch (number)
        {
            case 2 when kind.WireType == WireFormat.WireType.Fixed64:
                var d = BitConverter.UInt64BitsToDouble(kind.Bits);
                if (double.IsFinite(d))
                {
                    writer.WriteNumberValue(d);
                }
                else
                {
                    writer.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case 3 when kind.WireType == WireFormat.WireType.LengthDelimited:
                writer.WriteStringValue(Encoding.UTF8.GetString(kind.Bytes.Span));
                break;
            case 4 when kind.WireType == WireFormat.WireType.Varint:
                writer.WriteBooleanValue(kind.Bits != 0);
                break;
            case 5 when kind.WireType == WireFormat.WireType.LengthDelimited:
                WriteStruct(writer, kind.Bytes, depth);
                break;
            case 6 when kind.WireType == WireFormat.WireType.LengthDelimited:
                WriteList(writer, kind.Bytes, depth);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static List<ReadOnlyMemory<byte>> Repeated(ReadOnlyMemory<byte> data, int number)
    {
        var items = new List<ReadOnlyMemory<byte>>();
        var input = ProtoWireValue.OpenReader(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var wireType = WireFormat.GetTagWireType(tag);
            if (ProtoWireValue.TryRead(input, wireType, out var read)
                && wireType == WireFormat.WireType.LengthDelimited && WireFormat.GetTagFieldNumber(tag) == number)
            {
                items.Add(read.Bytes);
            }
        }

        return items;
    }
}
