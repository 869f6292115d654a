namespace Bff.Stitching.Grpc;

/// <summary>Parses field declarations: <c>[label] type name = number [options];</c> and <c>map&lt;K, V&gt; name = number;</c>.</summary>
internal static class ProtoFieldParser
{
    private const int MaxFieldNumber = 536_870_911;

    /// <summary>Parses a normal field; <paramref name="oneofName"/> is set for members of a oneof.</summary>
    public static ProtoField ParseField(ProtoTokenReader reader, ProtoFile file, ProtoMessage message, string? oneofName)
    {
        var label = reader.Current;
        var repeated = reader.Accept("repeated");
        var optional = !repeated && reader.Accept("optional");
        var required = !repeated && !optional && reader.Accept("required");
        if (oneofName is not null && (repeated || optional || required))
        {
            throw reader.Error(label, $"fields of oneof '{oneofName}' cannot be '{label.Text}'");
        }

        if (required && file.IsProto3)
        {
            throw reader.Error(label, "'required' fields are not allowed in proto3");
        }

        if (reader.Current.IsWord("group"))
        {
            throw reader.Error(reader.Current, "groups are not supported: declare a nested message instead");
        }

        var typeToken = reader.Current;
        var typeName = reader.ExpectFullIdentifier($"a field type in message '{message.Name}'", allowLeadingDot: true);
        var scalar = ProtoNames.ScalarType(typeName);
        var (name, number) = ParseNameAndNumber(reader);
        var field = new ProtoField(name, number, typeName, scalar ?? ProtoFieldType.Message, typeToken.Line, typeToken.Column)
        {
            IsRepeated = repeated,
            IsOptional = optional,
            OneofName = oneofName,
            HasPresence = !repeated && (optional || oneofName is not null || !file.IsProto3 || scalar is null),
        };
        ParseOptions(reader, field);
        return field;
    }

    /// <summary>Parses <c>map&lt;K, V&gt; name = number [options];</c>.</summary>
    public static ProtoField ParseMapField(ProtoTokenReader reader, ProtoMessage message)
    {
        var start = reader.Expect("map");
        reader.Expect('<');
        var keyToken = reader.ExpectIdentifier("a map key type");
        var keyType = ProtoNames.ScalarType(keyToken.Text);
        if (keyType is null or ProtoFieldType.Float or ProtoFieldType.Double or ProtoFieldType.Bytes)
        {
            throw reader.Error(keyToken, $"map key type must be an integer, bool or string type, not '{keyToken.Text}'");
        }

        reader.Expect(',');
        var valueToken = reader.Current;
        var valueTypeName = reader.ExpectFullIdentifier("a map value type", allowLeadingDot: true);
        reader.Expect('>');
        var valueType = ProtoNames.ScalarType(valueTypeName);
        var (name, number) = ParseNameAndNumber(reader);
        var key = new ProtoField("key", 1, keyToken.Text, keyType.Value, keyToken.Line, keyToken.Column) { DeclaringMessage = message };
        var value = new ProtoField("value", 2, valueTypeName, valueType ?? ProtoFieldType.Message, valueToken.Line, valueToken.Column)
        {
            DeclaringMessage = message,
            HasPresence = valueType is null,
        };
        var field = new ProtoField(name, number, $"map<{keyToken.Text}, {valueTypeName}>", ProtoFieldType.Message, start.Line, start.Column)
        {
            IsRepeated = true,
            MapKey = key,
            MapValue = value,
        };
        ParseOptions(reader, field);
        return field;
    }

    private static (string Name, int Number) ParseNameAndNumber(ProtoTokenReader reader)
    {
        var name = reader.ExpectIdentifier("a field name");
        reader.Expect('=');
        var numberToken = reader.Current;
        var number = (int)reader.ExpectInteger($"the number of field '{name.Text}'", 1, MaxFieldNumber);
        return number is >= 19_000 and <= 19_999
            ? throw reader.Error(numberToken, $"field number {number} of '{name.Text}' is in the range 19000-19999 reserved by protobuf")
            : (name.Text, number);
    }

    private static void ParseOptions(ProtoTokenReader reader, ProtoField field)
    {
        if (reader.Current.IsSymbol('['))
        {
            foreach (var (name, value, token) in ProtoOptions.ParseBracketed(reader))
            {
                switch (name)
                {
                    case "json_name":
                        field.JsonName = value;
                        break;
                    case "packed":
                        field.PackedOption = value switch
                        {
                            "true" => true,
                            "false" => false,
                            _ => throw reader.Error(token, $"option 'packed' must be true or false, not '{value}'"),
                        };
                        break;
                    case "default":
                        break;
                }
            }
        }

        reader.Expect(';');
    }
}
