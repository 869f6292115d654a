namespace Bff.Stitching.Grpc;

/// <summary>One token of a <c>.proto</c> file, with its 1-based position.</summary>
internal readonly record struct ProtoToken(ProtoTokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>Gets the token as shown in error messages.</summary>
    public string Display => Kind switch
    {
        ProtoTokenKind.End => "end of file",
        ProtoTokenKind.String => $"string \"{Text}\"",
        _ => $"'{Text}'",
    };

    /// <summary>Gets a value indicating whether this is the symbol <paramref name="symbol"/>.</summary>
    public bool IsSymbol(char symbol) => Kind == ProtoTokenKind.Symbol && Text[0] == symbol;

    /// <summary>Gets a value indicating whether this is the identifier <paramref name="word"/>.</summary>
    public bool IsWord(string word) => Kind == ProtoTokenKind.Identifier && Text == word;
}
