namespace Bff.Stitching.Grpc;

/// <summary>
/// Parses the text of a <c>.proto</c> file (proto3, and proto2 without groups or extensions) into a
/// <see cref="ProtoFile"/>. Options are read and ignored, except <c>idempotency_level</c>, <c>json_name</c>
/// and <c>packed</c>. Type names stay unresolved until the file is loaded into a <see cref="ProtoSchemaSet"/>.
/// </summary>
public static class ProtoParser
{
    /// <summary>Parses <paramref name="text"/>; <paramref name="fileName"/> is used in error messages.</summary>
    /// <exception cref="ProtoParseException">The text is not a valid .proto file; the message has file, line and column.</exception>
    public static ProtoFile Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var reader = new ProtoTokenReader(text, fileName);
        var file = new ProtoFile(fileName);
        ParseSyntax(reader, file);
        var packageSeen = false;
        while (!reader.AtEnd)
        {
            var token = reader.Current;
            if (reader.Accept(';'))
            {
                continue;
            }

            switch (token.Kind == ProtoTokenKind.Identifier ? token.Text : string.Empty)
            {
                case "import":
                    reader.Next();
                    _ = reader.Accept("weak") || reader.Accept("public");
                    file.AddImport(reader.ExpectString("import path"));
                    reader.Expect(';');
                    break;
                case "package":
                    reader.Next();
                    file.Package = packageSeen
                        ? throw reader.Error(token, "the file declares more than one package")
                        : reader.ExpectFullIdentifier("package name", allowLeadingDot: false);
                    packageSeen = true;
                    reader.Expect(';');
                    break;
                case "option":
                    ProtoOptions.ParseStatement(reader);
                    break;
                case "message":
                    file.AddMessage(ProtoMessageParser.ParseMessage(reader, file, parent: null));
                    break;
                case "enum":
                    file.AddEnum(ProtoMessageParser.ParseEnum(reader, file));
                    break;
                case "service":
                    file.AddService(ProtoServiceParser.ParseService(reader, file));
                    break;
                case "extend":
                    reader.Next();
                    reader.ExpectFullIdentifier("extended message name", allowLeadingDot: true);
                    reader.SkipBlock();
                    break;
                case "syntax" or "edition":
                    throw reader.Error(token, $"'{token.Text}' must be the first statement of the file");
                default:
                    throw reader.Error(token, $"expected 'message', 'enum', 'service', 'import', 'package' or 'option' but found {token.Display}");
            }
        }

        AssignFullNames(file);
        return file;
    }

    private static void ParseSyntax(ProtoTokenReader reader, ProtoFile file)
    {
        if (reader.Current.IsWord("edition"))
        {
            throw reader.Error(reader.Current, "protobuf editions are not supported: use syntax = \"proto3\"");
        }

        if (!reader.Accept("syntax"))
        {
            return;
        }

        reader.Expect('=');
        var token = reader.Current;
        var syntax = reader.ExpectString("syntax");
        file.Syntax = syntax is "proto2" or "proto3"
            ? syntax
            : throw reader.Error(token, $"unsupported syntax \"{syntax}\": expected \"proto2\" or \"proto3\"");
        reader.Expect(';');
    }

    private static void AssignFullNames(ProtoFile file)
    {
        var prefix = file.Package.Length == 0 ? string.Empty : file.Package + ".";
        foreach (var message in file.Messages)
        {
            AssignFullNames(message, prefix);
        }

        foreach (var value in file.Enums)
        {
            value.FullName = prefix + value.Name;
        }

        foreach (var service in file.Services)
        {
            service.FullName = prefix + service.Name;
        }
    }

    private static void AssignFullNames(ProtoMessage message, string prefix)
    {
        message.FullName = prefix + message.Name;
        foreach (var nested in message.NestedMessages)
        {
            AssignFullNames(nested, message.FullName + ".");
        }

        foreach (var value in message.NestedEnums)
        {
            value.FullName = message.FullName + "." + value.Name;
        }
    }
}
