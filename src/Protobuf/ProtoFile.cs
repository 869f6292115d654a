namespace Bff.Protobuf;

/// <summary>A parsed <c>.proto</c> file.</summary>
public sealed class ProtoFile
{
    private readonly List<string> _imports = [];
    private readonly List<ProtoMessage> _messages = [];
    private readonly List<ProtoEnum> _enums = [];
    private readonly List<ProtoService> _services = [];

    internal ProtoFile(string fileName)
    {
        FileName = fileName;
    }

    /// <summary>Gets the file name given to the parser; used in every error message.</summary>
    public string FileName { get; }

    /// <summary>Gets the syntax: <c>proto2</c> (the default when absent) or <c>proto3</c>.</summary>
    public string Syntax { get; internal set; } = "proto2";

    /// <summary>Gets a value indicating whether the file is proto3.</summary>
    public bool IsProto3 => Syntax == "proto3";

    /// <summary>Gets the package, or an empty string when the file declares none.</summary>
    public string Package { get; internal set; } = string.Empty;

    /// <summary>Gets the imported file names as written (recorded only: types resolve across the whole set).</summary>
    public IReadOnlyList<string> Imports => _imports;

    /// <summary>Gets the top-level messages.</summary>
    public IReadOnlyList<ProtoMessage> Messages => _messages;

    /// <summary>Gets the top-level enums.</summary>
    public IReadOnlyList<ProtoEnum> Enums => _enums;

    /// <summary>Gets the services.</summary>
    public IReadOnlyList<ProtoService> Services => _services;

    /// <inheritdoc />
    public override string ToString() => FileName;

    internal void AddImport(string path) => _imports.Add(path);

    internal void AddMessage(ProtoMessage message) => _messages.Add(message);

    internal void AddEnum(ProtoEnum value) => _enums.Add(value);

    internal void AddService(ProtoService service) => _services.Add(service);
}
