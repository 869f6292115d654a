namespace Bff.Stitching.Grpc;

/// <summary>Parses <c>message</c> and <c>enum</c> blocks: fields, maps, oneofs and nested declarations.</summary>
internal static class ProtoMessageParser
{
    /// <summary>Parses <c>message Name { ... }</c>.</summary>
    public static ProtoMessage ParseMessage(ProtoTokenReader reader, ProtoFile file, ProtoMessage? parent)
    {
        var keyword = reader.Expect("message");
        var name = reader.ExpectIdentifier("message name");
        var message = new ProtoMessage(name.Text, file.FileName, name.Line, name.Column, file.IsProto3, parent);
        reader.Expect('{');
        while (!reader.Accept('}'))
        {
            if (reader.AtEnd)
            {
                throw reader.Error(keyword, $"message '{name.Text}' is not closed with '}}'");
            }

            ParseElement(reader, file, message);
        }

        return message;
    }

    /// <summary>Parses <c>enum Name { VALUE = 0; ... }</c>.</summary>
    public static ProtoEnum ParseEnum(ProtoTokenReader reader, ProtoFile file)
    {
        var keyword = reader.Expect("enum");
        var name = reader.ExpectIdentifier("enum name");
        var result = new ProtoEnum(name.Text, file.FileName, name.Line, name.Column, isClosed: !file.IsProto3);
        reader.Expect('{');
        while (!reader.Accept('}'))
        {
            var token = reader.Current;
            var isStatement = !reader.PeekAhead(1).IsSymbol('=');
            if (reader.AtEnd)
            {
                throw reader.Error(keyword, $"enum '{name.Text}' is not closed with '}}'");
            }
            else if (reader.Accept(';'))
            {
                continue;
            }
            else if (token.IsWord("option") && isStatement)
            {
                ProtoOptions.ParseStatement(reader);
                continue;
            }
            else if (token.IsWord("reserved") && isStatement)
            {
                reader.SkipStatement();
                continue;
            }

            var valueName = reader.ExpectIdentifier($"a value name in enum '{name.Text}'");
            reader.Expect('=');
            var number = (int)reader.ExpectInteger("enum value number", int.MinValue, int.MaxValue);
            if (reader.Current.IsSymbol('['))
            {
                ProtoOptions.ParseBracketed(reader);
            }

            reader.Expect(';');
            if (file.IsProto3 && result.Values.Count == 0 && number != 0)
            {
                throw reader.Error(valueName, $"the first value of enum '{name.Text}' must be zero in proto3");
            }

            if (!result.AddValue(new ProtoEnumValue(valueName.Text, number, valueName.Line)))
            {
                throw reader.Error(valueName, $"value '{valueName.Text}' is already declared in enum '{name.Text}'");
            }
        }

        return result.Values.Count > 0 ? result : throw reader.Error(name, $"enum '{name.Text}' must declare at least one value");
    }

    private static void ParseElement(ProtoTokenReader reader, ProtoFile file, ProtoMessage message)
    {
        var token = reader.Current;
        var next = reader.PeekAhead(1);
        var isBlock = next.Kind == ProtoTokenKind.Identifier && reader.PeekAhead(2).IsSymbol('{');
        if (reader.Accept(';'))
        {
            return;
        }

        if (token.IsSymbol('.'))
        {
            AddField(reader, message, ProtoFieldParser.ParseField(reader, file, message, oneofName: null));
            return;
        }

        if (token.Kind != ProtoTokenKind.Identifier)
        {
            throw reader.Error(token, $"expected a field, 'message', 'enum', 'oneof' or 'option' in message '{message.Name}' but found {token.Display}");
        }

        switch (token.Text)
        {
            case "message" when isBlock:
                message.AddMessage(ParseMessage(reader, file, message));
                break;
            case "enum" when isBlock:
                message.AddEnum(ParseEnum(reader, file));
                break;
            case "oneof" when isBlock:
                ParseOneof(reader, file, message);
                break;
            case "map" when next.IsSymbol('<'):
                AddField(reader, message, ProtoFieldParser.ParseMapField(reader, message));
                break;
            case "option":
                ProtoOptions.ParseStatement(reader);
                break;
            case "reserved" or "extensions" when next.Kind is ProtoTokenKind.Integer or ProtoTokenKind.String:
                reader.SkipStatement();
                break;
            case "extend" when !next.IsSymbol('='):
                reader.Next();
                reader.ExpectFullIdentifier("extended message name", allowLeadingDot: true);
                reader.SkipBlock();
                break;
            default:
                AddField(reader, message, ProtoFieldParser.ParseField(reader, file, message, oneofName: null));
                break;
        }
    }

    private static void ParseOneof(ProtoTokenReader reader, ProtoFile file, ProtoMessage message)
    {
        var keyword = reader.Expect("oneof");
        var name = reader.ExpectIdentifier("oneof name");
        message.AddOneof(name.Text);
        reader.Expect('{');
        while (!reader.Accept('}'))
        {
            var token = reader.Current;
            if (reader.AtEnd)
            {
                throw reader.Error(keyword, $"oneof '{name.Text}' is not closed with '}}'");
            }

            if (reader.Accept(';'))
            {
                continue;
            }

            if (token.IsWord("option"))
            {
                ProtoOptions.ParseStatement(reader);
                continue;
            }

            AddField(reader, message, ProtoFieldParser.ParseField(reader, file, message, name.Text));
        }
    }

    private static void AddField(ProtoTokenReader reader, ProtoMessage message, ProtoField field)
    {
        var existing = message.AddField(field);
        if (existing is null)
        {
            return;
        }

        var reason = existing.Name == field.Name
            ? $"field '{field.Name}' is already declared in message '{message.Name}' (line {existing.Line})"
            : $"field number {field.Number} of '{field.Name}' is already used by '{existing.Name}' in message '{message.Name}' (line {existing.Line})";
        throw new ProtoParseException(reader.FileName, field.Line, field.Column, reason);
    }
}
