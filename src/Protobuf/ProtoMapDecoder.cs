using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>Decodes the entries of a <c>map&lt;K, V&gt;</c> field into a JSON object (keys as strings, last duplicate wins).</summary>
internal static class ProtoMapDecoder
{
    /// <summary>Writes the map entries in <paramref name="entries"/> (null when the map is empty) as a JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, ProtoField field, List<ProtoWireValue>? entries, int depth, ProtoJsonOptions options)
    {
        var (keyField, valueField) = (field.MapKey!, field.MapValue!);
        var order = new List<string>();
        var values = new Dictionary<string, ProtoWireValue?>(StringComparer.Ordinal);
        foreach (var entry in entries ?? [])
        {
            ProtoWireValue? key = null;
            ProtoWireValue? value = null;
            var input = ProtoWireValue.OpenReader(entry.Bytes);
            uint tag;
            while ((tag = input.ReadTag()) != 0)
            {
                var wireType = WireFormat.GetTagWireType(tag);
                if (!ProtoWireValue.TryRead(input, wireType, out var read))
                {
                    continue;
                }

                switch (WireFormat.GetTagFieldNumber(tag))
                {
                    case 1 when wireType == ProtoNames.WireType(keyField.Type):
                        key = read;
                        break;
                    case 2 when wireType == ProtoNames.WireType(valueField.Type):
                        value = read;
                        break;
                }
            }

            var name = KeyText(keyField.Type, key ?? default);
            if (values.TryAdd(name, value))
            {
                order.Add(name);
            }
            else
            {
                values[name] = value;
            }
        }

        writer.WriteStartObject();
        foreach (var name in order)
        {
            writer.WritePropertyName(name);
            if (values[name] is { } value)
            {
                ProtoValueWriter.Write(writer, valueField, value, depth, options);
            }
            else
            {
                ProtoValueWriter.WriteDefault(writer, valueField, depth, options);
            }
        }

        writer.WriteEndObject();
    }

    private static string KeyText(ProtoFieldType type, ProtoWireValue key)
    {
        var bits = key.Bits;
        return type switch
        {
            ProtoFieldType.String => Encoding.UTF8.GetString(key.Bytes.Span),
            ProtoFieldType.Bool => bits != 0 ? "true" : "false",
            ProtoFieldType.Int32 or ProtoFieldType.SFixed32 => ((int)bits).ToString(CultureInfo.InvariantCulture),
            ProtoFieldType.SInt32 => ((int)((uint)bits >> 1) ^ -(int)((uint)bits & 1)).ToString(CultureInfo.InvariantCulture),
            ProtoFieldType.SInt64 => ((long)(bits >> 1) ^ -(long)(bits & 1)).ToString(CultureInfo.InvariantCulture),
            ProtoFieldType.Int64 or ProtoFieldType.SFixed64 => ((long)bits).ToString(CultureInfo.InvariantCulture),
            ProtoFieldType.UInt32 or ProtoFieldType.Fixed32 => ((uint)bits).ToString(CultureInfo.InvariantCulture),
            _ => bits.ToString(CultureInfo.InvariantCulture),
        };
    }
}
