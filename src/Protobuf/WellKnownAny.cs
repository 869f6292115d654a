using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>
/// The JSON form of <c>google.protobuf.Any</c>: <c>{"@type": "type.googleapis.com/pkg.Message", ...its fields}</c>, or
/// <c>{"@type": ..., "value": ...}</c> when the packed message is a well-known type with a JSON form of its own.
/// Only types of the same schema set can be packed or unpacked.
/// </summary>
internal static class WellKnownAny
{
    private const string TypeProperty = "@type";

    /// <summary>Encodes the JSON form as the <c>type_url</c> and <c>value</c> fields.</summary>
    public static byte[] Encode(ProtoMessage any, JsonNode node, string path)
    {
        if (node is not JsonObject value)
        {
            throw new ProtoEncodeException(path, $"{node.ToJsonString()} is not an object with \"@type\" (google.protobuf.Any)");
        }

        if (value.Count == 0)
        {
            return [];
        }

        var url = value[TypeProperty] is JsonValue text && text.TryGetValue(out string? s) ? s
            : throw new ProtoEncodeException(path, "\"@type\" is missing (google.protobuf.Any)");
        var packed = Resolve(any, url) ?? throw new ProtoEncodeException($"{path}.@type", $"'{url}' is no message of the contract");
        byte[] bytes;
        if (WellKnownProtos.HasSpecialJson(packed.FullName))
        {
            bytes = ProtoEncoder.EncodeNested(packed, value["value"] ?? throw new ProtoEncodeException($"{path}.value", "missing"), $"{path}.value");
        }
        else
        {
            var fields = new JsonObject();
            foreach (var (key, item) in value.Where(p => p.Key != TypeProperty))
            {
                fields[key] = item?.DeepClone();
            }

            bytes = ProtoEncoder.EncodeMessage(packed, fields, path);
        }

        return ProtoEncoder.Write(output =>
        {
            output.WriteTag(1, WireFormat.WireType.LengthDelimited);
            output.WriteString(url);
            if (bytes.Length > 0)
            {
                output.WriteTag(2, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(UnsafeByteOperations.UnsafeWrap(bytes));
            }
        });
    }

    /// <summary>Writes the packed message with its <c>@type</c>; an empty Any as <c>{}</c>.</summary>
    /// <exception cref="ProtoDecodeException">The packed type is not part of the contract.</exception>
    public static void Write(Utf8JsonWriter writer, ProtoMessage any, List<ProtoWireValue>?[] slots, int depth, ProtoJsonOptions options)
    {
        var url = slots[0] is { } urls ? Encoding.UTF8.GetString(urls[^1].Bytes.Span) : string.Empty;
        var data = slots[1] is { } values ? values[^1].Bytes : ReadOnlyMemory<byte>.Empty;
        writer.WriteStartObject();
        if (url.Length > 0)
        {
            var packed = Resolve(any, url) ?? throw new ProtoDecodeException(WellKnownProtos.Any, $"it holds '{url}', which is no message of the contract");
            writer.WriteString(TypeProperty, url);
            if (WellKnownProtos.HasSpecialJson(packed.FullName))
            {
                writer.WritePropertyName("value");
                ProtoValueWriter.WriteNested(writer, packed, data, depth + 1, options);
            }
            else
            {
                ProtoDecoder.WriteFields(writer, packed, data, depth + 1, options);
            }
        }

        writer.WriteEndObject();
    }

    private static ProtoMessage? Resolve(ProtoMessage any, string url)
    {
        var name = url[(url.LastIndexOf('/') + 1)..];
        return any.Schema is { } schema && schema.TryFindMessage(name, out var message) ? message : null;
    }
}
