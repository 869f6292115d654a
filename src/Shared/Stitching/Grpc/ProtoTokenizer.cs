using System.Globalization;
using System.Text;

namespace Bff.Stitching.Grpc;

/// <summary>Splits <c>.proto</c> text into tokens, dropping whitespace and <c>//</c> and <c>/* */</c> comments.</summary>
internal sealed class ProtoTokenizer
{
    private readonly string _text;
    private readonly string _fileName;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private ProtoTokenizer(string text, string fileName)
    {
        _text = text;
        _fileName = fileName;
    }

    /// <summary>Tokenizes <paramref name="text"/>; the last token is always <see cref="ProtoTokenKind.End"/>.</summary>
    public static List<ProtoToken> Tokenize(string text, string fileName)
    {
        var tokenizer = new ProtoTokenizer(text, fileName);
        var tokens = new List<ProtoToken>();
        while (tokenizer.Next() is { } token)
        {
            tokens.Add(token);
        }

        tokens.Add(new ProtoToken(ProtoTokenKind.End, string.Empty, tokenizer._line, tokenizer.Column));
        return tokens;
    }

    private int Column => _pos - _lineStart + 1;

    private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private ProtoToken? Next()
    {
        SkipTrivia();
        if (_pos >= _text.Length)
        {
            return null;
        }

        var (line, column, c) = (_line, Column, _text[_pos]);
        if (char.IsAsciiLetter(c) || c == '_')
        {
            var start = _pos;
            while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
            {
                _pos++;
            }

            return new ProtoToken(ProtoTokenKind.Identifier, _text[start.._pos], line, column);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return ReadNumber(line, column);
        }

        if (c is '"' or '\'')
        {
            return new ProtoToken(ProtoTokenKind.String, ReadString(c, line, column), line, column);
        }

        if (char.IsControl(c) || char.IsLetterOrDigit(c) || !"{}()[]<>;=,.-+:/".Contains(c, StringComparison.Ordinal))
        {
            throw new ProtoParseException(_fileName, line, column, $"unexpected character '{c}'");
        }

        _pos++;
        return new ProtoToken(ProtoTokenKind.Symbol, c.ToString(), line, column);
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _pos++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var (line, column) = (_line, Column);
        _pos += 2;
        while (!(Peek() == '*' && Peek(1) == '/'))
        {
            if (_pos >= _text.Length)
            {
                throw new ProtoParseException(_fileName, line, column, "comment '/*' is not closed with '*/'");
            }

            if (_text[_pos++] == '\n')
            {
                _line++;
                _lineStart = _pos;
            }
        }

        _pos += 2;
    }

    private ProtoToken ReadNumber(int line, int column)
    {
        var start = _pos;
        var hex = Peek() == '0' && Peek(1) is 'x' or 'X';
        while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '.' || Peek() == '_'
               || (!hex && Peek() is '+' or '-' && _text[_pos - 1] is 'e' or 'E'))
        {
            _pos++;
        }

        var text = _text[start.._pos];
        var isFloat = !hex && (text.Contains('.', StringComparison.Ordinal) || text.AsSpan().IndexOfAny('e', 'E') >= 0);
        if (isFloat
            ? !double.TryParse(text.TrimEnd('f', 'F'), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            : !ProtoLiterals.TryParseInteger(text, out _))
        {
            throw new ProtoParseException(_fileName, line, column, $"invalid number '{text}'");
        }

        return new ProtoToken(isFloat ? ProtoTokenKind.Float : ProtoTokenKind.Integer, text, line, column);
    }

    private string ReadString(char quote, int line, int column)
    {
        var builder = new StringBuilder();
        _pos++;
        while (true)
        {
            var c = Peek();
            if (_pos >= _text.Length || c == '\n')
            {
                throw new ProtoParseException(_fileName, line, column, "string is not closed on its line");
            }

            _pos++;
            if (c == quote)
            {
                return builder.ToString();
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            var (escLine, escColumn) = (_line, Column - 1);
            if (!ProtoLiterals.TryReadEscape(_text, ref _pos, builder))
            {
                throw new ProtoParseException(_fileName, escLine, escColumn, "invalid escape sequence in string");
            }
        }
    }
}
