using System.Text.Json;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>
/// Decodes protobuf wire bytes into JSON written to a <see cref="Utf8JsonWriter"/>, driven by a message descriptor.
/// Fields come out in declaration order under their proto names; absent proto3 scalars as their default values.
/// </summary>
internal static class ProtoDecoder
{
    /// <summary>The deepest message nesting accepted, as protobuf's own default recursion limit.</summary>
    public const int MaxDepth = 100;

    /// <summary>Writes <paramref name="data"/> as a JSON object; well-known types nested below the root use their JSON forms.</summary>
    public static void WriteMessage(Utf8JsonWriter writer, ProtoMessage type, ReadOnlyMemory<byte> data, int depth, ProtoJsonOptions options)
    {
        if (depth > MaxDepth)
        {
            throw new ProtoDecodeException(type.FullName, $"messages are nested deeper than {MaxDepth} levels");
        }

        writer.WriteStartObject();
        WriteFields(writer, type, data, depth, options);
        writer.WriteEndObject();
    }

    /// <summary>Writes the fields of <paramref name="data"/> as properties of the object being written.</summary>
    public static void WriteFields(Utf8JsonWriter writer, ProtoMessage type, ReadOnlyMemory<byte> data, int depth, ProtoJsonOptions options)
    {
        var (slots, oneofWinners) = Scan(type, data);
        var fields = type.Fields;
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            var values = slots[field.Index];
            if (values is null ? (field.HasPresence && !field.IsRepeated) || !options.EmitDefaults : field.OneofName is not null && oneofWinners![field.OneofName] != field)
            {
                continue;
            }

            writer.WritePropertyName(options.UseJsonNames ? field.JsonName : field.Name);
            if (field.IsMap)
            {
                ProtoMapDecoder.Write(writer, field, values, depth, options);
            }
            else if (field.IsRepeated)
            {
                writer.WriteStartArray();
                foreach (var value in values ?? [])
                {
                    WriteRepeated(writer, field, value, depth, options);
                }

                writer.WriteEndArray();
            }
            else if (values is null)
            {
                ProtoValueWriter.WriteDefault(writer, field, depth, options);
            }
            else
            {
                ProtoValueWriter.Write(writer, field, field.Type == ProtoFieldType.Message ? Merge(values) : values[^1], depth, options);
            }
        }
    }

    /// <summary>Reads every field of <paramref name="data"/> into per-field lists, remembering the last member set of each oneof.</summary>
    public static (List<ProtoWireValue>?[] Slots, Dictionary<string, ProtoField>? OneofWinners) Scan(ProtoMessage type, ReadOnlyMemory<byte> data)
    {
        var slots = new List<ProtoWireValue>?[type.Fields.Count];
        Dictionary<string, ProtoField>? winners = null;
        var input = ProtoWireValue.OpenReader(data);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var wireType = WireFormat.GetTagWireType(tag);
            if (!ProtoWireValue.TryRead(input, wireType, out var value)
                || !type.TryGetField(WireFormat.GetTagFieldNumber(tag), out var field)
                || !Accepts(field, wireType))
            {
                continue;
            }

            // Most fields occur once: a list of one, not the default four.
            (slots[field.Index] ??= new List<ProtoWireValue>(field.IsRepeated || field.IsMap ? 4 : 1)).Add(value);
            if (field.OneofName is not null)
            {
                (winners ??= new(StringComparer.Ordinal))[field.OneofName] = field;
            }
        }

        return (slots, winners);
    }

    private static bool Accepts(ProtoField field, WireFormat.WireType wireType)
    {
        var expected = field.IsMap ? WireFormat.WireType.LengthDelimited : ProtoNames.WireType(field.Type);
        return wireType == expected
            || (field.IsRepeated && wireType == WireFormat.WireType.LengthDelimited && ProtoNames.IsPackable(field.Type));
    }

    private static void WriteRepeated(Utf8JsonWriter writer, ProtoField field, ProtoWireValue value, int depth, ProtoJsonOptions options)
    {
        var itemWireType = ProtoNames.WireType(field.Type);
        if (value.WireType == itemWireType)
        {
            ProtoValueWriter.Write(writer, field, value, depth, options);
            return;
        }

        var input = ProtoWireValue.OpenReader(value.Bytes);
        while (!input.IsAtEnd)
        {
            ProtoWireValue.TryRead(input, itemWireType, out var item);
            ProtoValueWriter.Write(writer, field, item, depth, options);
        }
    }

    /// <summary>A message field seen several times on the wire is the merge of all occurrences: their concatenation.</summary>
    private static ProtoWireValue Merge(List<ProtoWireValue> values)
    {
        if (values.Count == 1)
        {
            return values[0];
        }

        var merged = new byte[values.Sum(v => v.Bytes.Length)];
        var offset = 0;
        foreach (var value in values)
        {
            value.Bytes.Span.CopyTo(merged.AsSpan(offset));
            offset += value.Bytes.Length;
        }

        return new ProtoWireValue(WireFormat.WireType.LengthDelimited, 0, merged);
    }
}
