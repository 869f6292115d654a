namespace Bff.Stitching.Grpc;

/// <summary>The kinds of token in a <c>.proto</c> file.</summary>
internal enum ProtoTokenKind
{
    /// <summary>A name or keyword (letters, digits, underscores; never dotted).</summary>
    Identifier,
    /// <summary>An integer literal (decimal, hex or octal).</summary>
    Integer,
    /// <summary>A floating point literal.</summary>
    Float,
    /// <summary>A quoted string; <see cref="ProtoToken.Text"/> holds the unescaped value.</summary>
    String,
    /// <summary>A single punctuation character.</summary>
    Symbol,
    /// <summary>The end of the file.</summary>
    End,
}
