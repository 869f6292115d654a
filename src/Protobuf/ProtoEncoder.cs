using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>Encodes a <see cref="JsonObject"/> as the protobuf wire bytes of a message, driven by its descriptor.</summary>
internal static class ProtoEncoder
{
    // google.protobuf.Value { null_value: NULL_VALUE }: the oneof member set to its only value, 0.
    private static readonly byte[] NullValue = [0x08, 0x00];

    /// <summary>Encodes <paramref name="value"/> as <paramref name="type"/>; error paths start at <paramref name="path"/>.</summary>
    public static byte[] EncodeMessage(ProtoMessage type, JsonObject value, string path)
    {
        var fields = new List<(ProtoField Field, JsonNode? Node)>(value.Count);
        foreach (var (key, node) in value)
        {
            if (!type.TryGetField(key, out var field))
            {
                throw new ProtoEncodeException($"{path}.{key}", $"no such field in message {type.FullName}");
            }

            // null leaves a field out, except a google.protobuf.Value, where it is the null value.
            if (node is null && field.MessageType?.FullName != WellKnownProtos.Value)
            {
                continue;
            }

            foreach (var (other, _) in fields)
            {
                if (other == field || (field.OneofName is not null && other.OneofName == field.OneofName))
                {
                    throw new ProtoEncodeException($"{path}.{field.Name}", other == field
                        ? "the field is given twice (by its proto name and its JSON name)"
                        : $"oneof '{field.OneofName}' is already set by '{other.Name}'");
                }
            }

            fields.Add((field, node));
        }

        fields.Sort(static (a, b) => a.Field.Number.CompareTo(b.Field.Number));
        return Write(output =>
        {
            foreach (var (field, node) in fields)
            {
                WriteField(output, field, node, $"{path}.{field.Name}");
            }
        });
    }

    /// <summary>Runs <paramref name="write"/> against a fresh stream and returns the bytes written.</summary>
    public static byte[] Write(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
        }

        return buffer.ToArray();
    }

    /// <summary>Encodes a JSON value as a nested message: an object, or the JSON form of a well-known type.</summary>
    public static byte[] EncodeNested(ProtoMessage type, JsonNode node, string path)
    {
        if (WellKnownTypeEncoder.TryEncode(type, node, path) is { } special)
        {
            return special;
        }

        return node is JsonObject value
            ? EncodeMessage(type, value, path)
            : throw new ProtoEncodeException(path, $"{node.ToJsonString()} is not an object (message {type.FullName})");
    }

    private static void WriteField(CodedOutputStream output, ProtoField field, JsonNode? node, string path)
    {
        if (node is null)
        {
            output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(NullValue));
        }
        else if (field.IsMap)
        {
            WriteMap(output, field, node, path);
        }
        else if (!field.IsRepeated)
        {
            WriteValue(output, field, node, field.Number, skipDefault: !field.HasPresence, path);
        }
        else if (field.IsPacked)
        {
            var items = Items(node, path);
            if (items.Count > 0)
            {
                var packed = Write(inner =>
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        WriteValue(inner, field, items[i], number: 0, skipDefault: false, $"{path}[{i}]");
                    }
                });
                output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
                output.WriteBytes(UnsafeByteOperations.UnsafeWrap(packed));
            }
        }
        else
        {
            var items = Items(node, path);
            for (var i = 0; i < items.Count; i++)
            {
                WriteValue(output, field, items[i], field.Number, skipDefault: false, $"{path}[{i}]");
            }
        }
    }

    private static List<JsonNode> Items(JsonNode node, string path)
    {
        if (node is not JsonArray array)
        {
            return [node];
        }

        var items = new List<JsonNode>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            items.Add(array[i] ?? throw new ProtoEncodeException($"{path}[{i}]", "null is not allowed in a repeated field"));
        }

        return items;
    }

    private static void WriteMap(CodedOutputStream output, ProtoField field, JsonNode node, string path)
    {
        if (node is not JsonObject entries)
        {
            throw new ProtoEncodeException(path, $"{node.ToJsonString()} is not an object ({field.TypeName})");
        }

        var (keyField, valueField) = (field.MapKey!, field.MapValue!);
        foreach (var (key, value) in entries)
        {
            var entryPath = $"{path}[\"{key}\"]";
            var entry = Write(inner =>
            {
                if (!ProtoScalarWriter.TryWrite(inner, keyField.Type, null, ProtoJsonScalars.FromString(key), 1, skipDefault: true))
                {
                    throw new ProtoEncodeException(entryPath, $"the key \"{key}\" is not {ProtoNames.Expected(keyField.Type, null, null)}");
                }

                WriteValue(inner, valueField, value ?? throw new ProtoEncodeException(entryPath, "null is not allowed as a map value"),
                    2, skipDefault: true, entryPath);
            });
            output.WriteTag(field.Number, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(entry));
        }
    }

    private static void WriteValue(CodedOutputStream output, ProtoField field, JsonNode node, int number, bool skipDefault, string path)
    {
        if (field.Type == ProtoFieldType.Message)
        {
            var bytes = EncodeNested(field.ResolvedMessageType, node, path);
            output.WriteTag(number, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(UnsafeByteOperations.UnsafeWrap(bytes));
            return;
        }

        var expected = ProtoNames.Expected(field.Type, field.EnumType, null);
        if (node is not JsonValue value)
        {
            throw new ProtoEncodeException(path, $"{(node is JsonArray ? "a list" : "an object")} is not {expected}");
        }

        if (!ProtoScalarWriter.TryWrite(output, field.Type, field.EnumType, ProtoJsonScalars.ToElement(value), number, skipDefault))
        {
            throw new ProtoEncodeException(path, $"{value.ToJsonString()} is not {expected}");
        }
    }
}
