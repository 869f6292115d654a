namespace Bff.Protobuf;

/// <summary>
/// A <c>.proto</c> file could not be parsed, or one of its references (a type name) could not be resolved.
/// The message starts with <c>file:line:column:</c>.
/// </summary>
public sealed class ProtoParseException : Exception
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/>:<paramref name="column"/> of <paramref name="fileName"/>.</summary>
    public ProtoParseException(string fileName, int line, int column, string reason)
        : base($"{fileName}:{line}:{column}: {reason}")
    {
        FileName = fileName;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Gets the name of the file with the problem.</summary>
    public string FileName { get; }

    /// <summary>Gets the 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>Gets the 1-based column of the problem.</summary>
    public int Column { get; }

    /// <summary>Gets the problem, without the location.</summary>
    public string Reason { get; }
}
