namespace Bff.Protobuf;

/// <summary>A problem found while compiling <c>.proto</c> files: where it is and what it is.</summary>
/// <param name="File">The file, as imported (relative to its import path) or as given for the root file.</param>
/// <param name="Line">The 1-based line (0 when the problem has no position, e.g. a missing file).</param>
/// <param name="Column">The 1-based column (0 when the problem has no position).</param>
/// <param name="Message">The problem.</param>
public sealed record ProtoDiagnostic(string File, int Line, int Column, string Message)
{
    /// <summary>Formats the problem as compilers do: <c>file:line:col: message</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
