using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>The JSON form of <c>google.protobuf.FieldMask</c>: its paths in lowerCamelCase, joined by commas (<c>"user.displayName,photo"</c>).</summary>
internal static class WellKnownFieldMask
{
    /// <summary>Encodes <c>"a.bC,d"</c> as the paths <c>a.b_c</c> and <c>d</c>.</summary>
    public static byte[] Encode(JsonNode node, string path)
    {
        var text = node is JsonValue value && ProtoJsonScalars.ToElement(value) is { ValueKind: JsonValueKind.String } element
            ? element.GetString()!
            : throw new ProtoEncodeException(path, $"{node.ToJsonString()} is not a field mask like \"a.b,c\" (google.protobuf.FieldMask)");
        return ProtoEncoder.Write(output =>
        {
            foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (item.Contains('_', StringComparison.Ordinal))
                {
                    throw new ProtoEncodeException(path, $"the path '{item}' is not lowerCamelCase (google.protobuf.FieldMask)");
                }

                output.WriteTag(1, WireFormat.WireType.LengthDelimited);
                output.WriteString(ToSnakeCase(item));
            }
        });
    }

    /// <summary>Writes the paths read from the wire (null when there are none) as one string.</summary>
    public static void Write(Utf8JsonWriter writer, List<ProtoWireValue>? paths) =>
        writer.WriteStringValue(string.Join(',', (paths ?? []).Select(p => ProtoNames.ToJsonName(Encoding.UTF8.GetString(p.Bytes.Span)))));

    private static string ToSnakeCase(string camel)
    {
        var builder = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
