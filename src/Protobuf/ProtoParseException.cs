namespace Bff.Protobuf;

/// <summary>
/// Descriptors do not resolve into a schema set: a type is unknown or declared twice. Files compiled by
/// <see cref="ProtoCompiler"/> are checked by the compiler first (with line and column); this is what is left for
/// descriptors read from elsewhere (server reflection). The message starts with <c>file:</c>.
/// </summary>
public sealed class ProtoParseException : Exception
{
    /// <summary>Creates the exception for a problem in <paramref name="fileName"/>.</summary>
    public ProtoParseException(string fileName, string reason)
        : base($"{fileName}: {reason}")
    {
        FileName = fileName;
        Reason = reason;
    }

    /// <summary>Gets the name of the file with the problem.</summary>
    public string FileName { get; }

    /// <summary>Gets the problem, without the file.</summary>
    public string Reason { get; }
}
