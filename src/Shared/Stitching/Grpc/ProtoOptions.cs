using System.Text;

namespace Bff.Stitching.Grpc;

/// <summary>Reads option statements and <c>[...]</c> field options; the gateway keeps only the few it needs.</summary>
internal static class ProtoOptions
{
    /// <summary>Reads <c>option name = value;</c> and returns the name and the value's text.</summary>
    public static (string Name, string Value, ProtoToken ValueToken) ParseStatement(ProtoTokenReader reader)
    {
        reader.Expect("option");
        var name = ReadName(reader);
        reader.Expect('=');
        var valueToken = reader.Current;
        var value = ReadValue(reader);
        reader.Expect(';');
        return (name, value, valueToken);
    }

    /// <summary>Reads <c>[a = 1, (b).c = "x"]</c> and returns the options in order.</summary>
    public static List<(string Name, string Value, ProtoToken ValueToken)> ParseBracketed(ProtoTokenReader reader)
    {
        var options = new List<(string, string, ProtoToken)>();
        reader.Expect('[');
        do
        {
            var name = ReadName(reader);
            reader.Expect('=');
            var valueToken = reader.Current;
            options.Add((name, ReadValue(reader), valueToken));
        }
        while (reader.Accept(','));

        reader.Expect(']');
        return options;
    }

    private static string ReadName(ProtoTokenReader reader)
    {
        var builder = new StringBuilder();
        do
        {
            if (builder.Length > 0)
            {
                builder.Append('.');
            }

            if (reader.Accept('('))
            {
                builder.Append('(').Append(reader.ExpectFullIdentifier("option name", allowLeadingDot: true)).Append(')');
                reader.Expect(')');
            }
            else
            {
                builder.Append(reader.ExpectIdentifier("option name").Text);
            }
        }
        while (reader.Accept('.'));

        return builder.ToString();
    }

    private static string ReadValue(ProtoTokenReader reader)
    {
        if (reader.Current.IsSymbol('{'))
        {
            reader.SkipBlock();
            return "{...}";
        }

        var sign = reader.Accept('-') ? "-" : reader.Accept('+') ? string.Empty : string.Empty;
        var token = reader.Current;
        return token.Kind switch
        {
            ProtoTokenKind.String when sign.Length == 0 => reader.ExpectString("option value"),
            ProtoTokenKind.Identifier => sign + reader.ExpectFullIdentifier("option value", allowLeadingDot: false),
            ProtoTokenKind.Integer or ProtoTokenKind.Float => sign + reader.Next().Text,
            _ => throw reader.Error(token, $"expected an option value but found {token.Display}"),
        };
    }
}
