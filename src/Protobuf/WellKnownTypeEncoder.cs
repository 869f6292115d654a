using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>
/// Encodes the JSON forms of the well-known types: RFC 3339 strings for <c>Timestamp</c>, <c>"1.5s"</c> for
/// <c>Duration</c>, bare values for the wrappers, and any JSON for <c>Struct</c>, <c>Value</c> and <c>ListValue</c>.
/// Objects like <c>{"seconds": 1}</c> are left to the normal message encoding.
/// </summary>
internal static class WellKnownTypeEncoder
{
    /// <summary>Encodes <paramref name="node"/> when it is the special JSON form of <paramref name="type"/>; otherwise returns null.</summary>
    public static byte[]? TryEncode(ProtoMessage type, JsonNode node, string path)
    {
        if (!WellKnownProtos.HasSpecialJson(type.FullName))
        {
            return null;
        }

        switch (type.FullName)
        {
            case WellKnownProtos.Struct:
                return node is JsonObject structure
                    ? EncodeStruct(structure, path)
                    : throw new ProtoEncodeException(path, $"{node.ToJsonString()} is not an object (google.protobuf.Struct)");
            case WellKnownProtos.ListValue:
                return node is JsonArray list
                    ? EncodeList(list, path)
                    : throw new ProtoEncodeException(path, $"{node.ToJsonString()} is not a list (google.protobuf.ListValue)");
            case WellKnownProtos.Value:
                return EncodeValue(node, path);
            case WellKnownProtos.FieldMask:
                return WellKnownFieldMask.Encode(node, path);
            case WellKnownProtos.Any:
                return WellKnownAny.Encode(type, node, path);
        }

        if (node is not JsonValue value)
        {
            return null;
        }

        if (WellKnownProtos.IsWrapper(type.FullName))
        {
            return ProtoEncoder.EncodeMessage(type, new JsonObject { ["value"] = value.DeepClone() }, path);
        }

        var element = ProtoJsonScalars.ToElement(value);
        var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : string.Empty;
        var isTimestamp = type.FullName == WellKnownProtos.Timestamp;
        var (ok, seconds, nanos) = isTimestamp ? WellKnownTimeFormats.TryParseTimestamp(text) : WellKnownTimeFormats.TryParseDuration(text);
        if (!ok)
        {
            throw new ProtoEncodeException(path, isTimestamp
                ? $"{value.ToJsonString()} is not an RFC 3339 timestamp (google.protobuf.Timestamp)"
                : $"{value.ToJsonString()} is not a duration like \"1.5s\" (google.protobuf.Duration)");
        }

        return ProtoEncoder.Write(output =>
        {
            if (seconds != 0)
            {
                output.WriteTag(1, WireFormat.WireType.Varint);
                output.WriteInt64(seconds);
            }

            if (nanos != 0)
            {
                output.WriteTag(2, WireFormat.WireType.Varint);
                output.WriteInt32(nanos);
            }
        });
    }

    private static byte[] EncodeStruct(JsonObject structure, string path) => ProtoEncoder.Write(output =>
    {
        foreach (var (key, item) in structure)
        {
            var entry = ProtoEncoder.Write(inner =>
            {
                inner.WriteTag(1, WireFormat.WireType.LengthDelimited);
                inner.WriteString(key);
                WriteNested(inner, 2, EncodeValue(item, $"{path}.{key}"));
            });
            WriteNested(output, 1, entry);
        }
    });

    private static byte[] EncodeList(JsonArray list, string path) => ProtoEncoder.Write(output =>
    {
        for (var i = 0; i < list.Count; i++)
        {
            WriteNested(output, 1, EncodeValue(list[i], $"{path}[{i}]"));
        }
    });

    private static byte[] EncodeValue(JsonNode? node, string path) => ProtoEncoder.Write(output =>
    {
        switch (node)
        {
            case null:
                output.WriteTag(1, WireFormat.WireType.Varint);
                output.WriteEnum(0);
                break;
            case JsonObject structure:
                WriteNested(output, 5, EncodeStruct(structure, path));
                break;
            case JsonArray list:
                WriteNested(output, 6, EncodeList(list, path));
                break;
            case JsonValue value:
                var element = ProtoJsonScalars.ToElement(value);
                switch (element.ValueKind)
                {
                    case JsonValueKind.Number:
                        output.WriteTag(2, WireFormat.WireType.Fixed64);
                        output.WriteDouble(element.GetDouble());
                        break;
                    case JsonValueKind.String:
                        output.WriteTag(3, WireFormat.WireType.LengthDelimited);
                        output.WriteString(element.GetString()!);
                        break;
                    case JsonValueKind.True or JsonValueKind.False:
                        output.WriteTag(4, WireFormat.WireType.Varint);
                        output.WriteBool(element.GetBoolean());
                        break;
                    default:
                        output.WriteTag(1, WireFormat.WireType.Varint);
                        output.WriteEnum(0);
                        break;
                }

                break;
        }
    });

    private static void WriteNested(CodedOutputStream output, int number, byte[] bytes)
    {
        output.WriteTag(number, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(UnsafeByteOperations.UnsafeWrap(bytes));
    }
}
