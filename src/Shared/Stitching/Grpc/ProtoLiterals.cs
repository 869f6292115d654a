using System.Globalization;
using System.Text;

namespace Bff.Stitching.Grpc;

/// <summary>Integer literals and string escapes of the <c>.proto</c> language.</summary>
internal static class ProtoLiterals
{
    /// <summary>Parses a decimal, hex (<c>0x1F</c>) or octal (<c>017</c>) integer literal without sign.</summary>
    public static bool TryParseInteger(string text, out ulong value)
    {
        value = 0;
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X')
        {
            return ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (text.Length > 1 && text[0] == '0')
        {
            foreach (var c in text)
            {
                if (c is < '0' or > '7' || value > (ulong.MaxValue >> 3))
                {
                    return false;
                }

                value = (value << 3) | (uint)(c - '0');
            }

            return true;
        }

        return text.All(char.IsAsciiDigit) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Reads the escape sequence after a backslash at <paramref name="pos"/> (<c>\n</c>, <c>\x41</c>, <c>\101</c>,
    /// <c>\u00e9</c>, ...) and appends the character it stands for.
    /// </summary>
    public static bool TryReadEscape(string text, ref int pos, StringBuilder builder)
    {
        if (pos >= text.Length)
        {
            return false;
        }

        var c = text[pos++];
        switch (c)
        {
            case 'a': builder.Append('\a'); return true;
            case 'b': builder.Append('\b'); return true;
            case 'f': builder.Append('\f'); return true;
            case 'n': builder.Append('\n'); return true;
            case 'r': builder.Append('\r'); return true;
            case 't': builder.Append('\t'); return true;
            case 'v': builder.Append('\v'); return true;
            case '\\' or '\'' or '"' or '?': builder.Append(c); return true;
            case 'x' or 'X': return TryReadCode(text, ref pos, builder, 16, 2);
            case 'u': return TryReadCode(text, ref pos, builder, 16, 4);
            case 'U': return TryReadCode(text, ref pos, builder, 16, 8);
            case >= '0' and <= '7':
                pos--;
                return TryReadCode(text, ref pos, builder, 8, 3);
            default: return false;
        }
    }

    private static bool TryReadCode(string text, ref int pos, StringBuilder builder, int radix, int maxDigits)
    {
        var value = 0;
        var digits = 0;
        while (digits < maxDigits && pos < text.Length && DigitValue(text[pos]) is var d && d >= 0 && d < radix)
        {
            value = (value * radix) + d;
            pos++;
            digits++;
        }

        if (digits == 0 || value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        builder.Append(char.ConvertFromUtf32(value));
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
