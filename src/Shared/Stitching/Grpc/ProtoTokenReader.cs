using System.Text;

namespace Bff.Stitching.Grpc;

/// <summary>A cursor over the tokens of one file, with the expect/accept helpers of a recursive-descent parser.</summary>
internal sealed class ProtoTokenReader
{
    private readonly List<ProtoToken> _tokens;
    private int _index;

    public ProtoTokenReader(string text, string fileName)
    {
        FileName = fileName;
        _tokens = ProtoTokenizer.Tokenize(text, fileName);
    }

    /// <summary>Gets the file name used in errors.</summary>
    public string FileName { get; }

    /// <summary>Gets the current token.</summary>
    public ProtoToken Current => _tokens[_index];

    /// <summary>Gets a value indicating whether the end of the file is reached.</summary>
    public bool AtEnd => Current.Kind == ProtoTokenKind.End;

    /// <summary>Gets the token <paramref name="offset"/> places after the current one.</summary>
    public ProtoToken PeekAhead(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    /// <summary>Returns the current token and moves past it.</summary>
    public ProtoToken Next()
    {
        var token = Current;
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    /// <summary>Moves past the symbol <paramref name="symbol"/> when it is the current token.</summary>
    public bool Accept(char symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            return false;
        }

        Next();
        return true;
    }

    /// <summary>Moves past the keyword <paramref name="word"/> when it is the current token.</summary>
    public bool Accept(string word)
    {
        if (!Current.IsWord(word))
        {
            return false;
        }

        Next();
        return true;
    }

    /// <summary>Moves past the symbol <paramref name="symbol"/>, or fails.</summary>
    public ProtoToken Expect(char symbol) =>
        Current.IsSymbol(symbol) ? Next() : throw Error(Current, $"expected '{symbol}' but found {Current.Display}");

    /// <summary>Moves past the keyword <paramref name="word"/>, or fails.</summary>
    public ProtoToken Expect(string word) =>
        Current.IsWord(word) ? Next() : throw Error(Current, $"expected '{word}' but found {Current.Display}");

    /// <summary>Reads an identifier, or fails naming <paramref name="what"/>.</summary>
    public ProtoToken ExpectIdentifier(string what) =>
        Current.Kind == ProtoTokenKind.Identifier ? Next() : throw Error(Current, $"expected {what} but found {Current.Display}");

    /// <summary>Reads one string literal, or several adjacent ones concatenated.</summary>
    public string ExpectString(string what)
    {
        if (Current.Kind != ProtoTokenKind.String)
        {
            throw Error(Current, $"expected {what} (a quoted string) but found {Current.Display}");
        }

        var builder = new StringBuilder();
        while (Current.Kind == ProtoTokenKind.String)
        {
            builder.Append(Next().Text);
        }

        return builder.ToString();
    }

    /// <summary>Reads a possibly dotted name (<c>a.b.C</c>), with a leading dot when <paramref name="allowLeadingDot"/>.</summary>
    public string ExpectFullIdentifier(string what, bool allowLeadingDot)
    {
        var builder = new StringBuilder();
        if (allowLeadingDot && Accept('.'))
        {
            builder.Append('.');
        }

        builder.Append(ExpectIdentifier(what).Text);
        while (Current.IsSymbol('.'))
        {
            Next();
            builder.Append('.').Append(ExpectIdentifier(what).Text);
        }

        return builder.ToString();
    }

    /// <summary>Reads an integer literal with an optional minus sign.</summary>
    public long ExpectInteger(string what, long min, long max)
    {
        var start = Current;
        var negative = Accept('-');
        var token = Current;
        if (token.Kind != ProtoTokenKind.Integer)
        {
            throw Error(token, $"expected {what} (an integer) but found {token.Display}");
        }

        Next();
        ProtoLiterals.TryParseInteger(token.Text, out var magnitude);
        var value = negative ? -(Int128)magnitude : (Int128)magnitude;
        return value < min || value > max
            ? throw Error(start, $"{what} must be between {min} and {max}, not {value}")
            : (long)value;
    }

    /// <summary>Skips tokens up to and including the next <c>;</c> at the current nesting level.</summary>
    public void SkipStatement()
    {
        while (!Current.IsSymbol(';'))
        {
            if (AtEnd)
            {
                throw Error(Current, "expected ';' but found end of file");
            }

            if (Current.IsSymbol('{'))
            {
                SkipBlock();
            }
            else
            {
                Next();
            }
        }

        Next();
    }

    /// <summary>Skips a balanced <c>{ ... }</c> block starting at the current <c>{</c>.</summary>
    public void SkipBlock()
    {
        var open = Expect('{');
        var depth = 1;
        while (depth > 0)
        {
            var token = Next();
            if (token.Kind == ProtoTokenKind.End)
            {
                throw Error(open, "'{' is not closed with '}'");
            }

            depth += token.IsSymbol('{') ? 1 : token.IsSymbol('}') ? -1 : 0;
        }
    }

    /// <summary>Creates an error at <paramref name="token"/>.</summary>
    public ProtoParseException Error(ProtoToken token, string reason) => new(FileName, token.Line, token.Column, reason);
}
