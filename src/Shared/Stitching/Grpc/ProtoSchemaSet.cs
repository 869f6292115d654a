using System.Diagnostics.CodeAnalysis;
using Bff.Stitching.Contracts;

namespace Bff.Stitching.Grpc;

/// <summary>
/// A set of parsed <c>.proto</c> files with every type reference resolved by protobuf scoping rules
/// (<c>.a.b.C</c> fully qualified, other names relative to the enclosing message and package). The
/// well-known types (<c>google/protobuf/timestamp.proto</c>, <c>wrappers.proto</c>, <c>empty.proto</c>,
/// <c>duration.proto</c>, <c>struct.proto</c>, <c>any.proto</c>, <c>field_mask.proto</c>) are built in.
/// Immutable once created and safe to share between threads.
/// </summary>
public sealed class ProtoSchemaSet
{
    private readonly ProtoTypeTable _types;
    private readonly Dictionary<string, ProtoService> _services = new(StringComparer.Ordinal);
    private readonly ProtoShapeBuilder _shapes = new();
    private readonly Lock _shapeLock = new();

    private ProtoSchemaSet(IReadOnlyList<ProtoFile> files)
    {
        Files = files;
        _types = new ProtoTypeTable(files, WellKnownProtos.Parse().ToList());
        foreach (var service in files.SelectMany(file => file.Services))
        {
            if (!_services.TryAdd(service.FullName, service))
            {
                var first = _services[service.FullName];
                throw new ProtoParseException(service.FileName, service.Line, service.Column,
                    $"service '{service.FullName}' is already declared in {first.FileName}:{first.Line}:{first.Column}");
            }
        }

        _types.Resolve(_services.Values);
    }

    /// <summary>Gets the files of the set, in the order given (the built-in well-known types not included).</summary>
    public IReadOnlyList<ProtoFile> Files { get; }

    /// <summary>Gets every service of the set.</summary>
    public IEnumerable<ProtoService> Services => _services.Values;

    /// <summary>Resolves <paramref name="files"/> into a set.</summary>
    /// <exception cref="ProtoParseException">A type is unknown or declared twice; the message has file, line and column.</exception>
    public static ProtoSchemaSet Create(IEnumerable<ProtoFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new ProtoSchemaSet(files.ToList());
    }

    /// <summary>Parses and resolves <paramref name="files"/>.</summary>
    public static ProtoSchemaSet Create(params ProtoFile[] files) => Create((IEnumerable<ProtoFile>)files);

    /// <summary>Parses every <c>*.proto</c> file under <paramref name="directory"/> (recursively) and resolves them.</summary>
    /// <exception cref="ProtoParseException">A file does not parse, or a type is unknown.</exception>
    public static ProtoSchemaSet LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var paths = Directory.EnumerateFiles(directory, "*.proto", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        return Create(paths.Select(path => ProtoParser.Parse(File.ReadAllText(path), path)));
    }

    /// <summary>
    /// Finds a method by its binding name <c>package.Service/Method</c> (a leading <c>/</c> and the dotted form
    /// <c>package.Service.Method</c> are accepted too).
    /// </summary>
    public bool TryFindMethod(string name, [NotNullWhen(true)] out ProtoMethod? method)
    {
        ArgumentNullException.ThrowIfNull(name);
        method = null;
        var trimmed = name.TrimStart('/');
        var split = trimmed.LastIndexOf('/');
        split = split >= 0 ? split : trimmed.LastIndexOf('.');
        return split > 0
            && _services.TryGetValue(trimmed[..split], out var service)
            && service.TryGetMethod(trimmed[(split + 1)..], out method);
    }

    /// <summary>Finds a service by its full name (<c>package.Service</c>).</summary>
    public bool TryFindService(string fullName, [NotNullWhen(true)] out ProtoService? service) =>
        _services.TryGetValue(fullName.TrimStart('.'), out service);

    /// <summary>Finds a message by its full name (<c>package.Message</c> or <c>package.Outer.Inner</c>).</summary>
    public bool TryFindMessage(string fullName, [NotNullWhen(true)] out ProtoMessage? message)
    {
        message = _types.Find(fullName.TrimStart('.')) as ProtoMessage;
        return message is not null;
    }

    /// <summary>Finds an enum by its full name.</summary>
    public bool TryFindEnum(string fullName, [NotNullWhen(true)] out ProtoEnum? value)
    {
        value = _types.Find(fullName.TrimStart('.')) as ProtoEnum;
        return value is not null;
    }

    /// <summary>
    /// Describes <paramref name="message"/>, as a request or response, with a <see cref="ContractShape"/> keyed by
    /// proto field names, exactly as <see cref="ProtoCodec"/> decodes it. Shapes are cached: a recursive message
    /// shares its shape instance.
    /// </summary>
    public ContractShape GetShape(ProtoMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_shapeLock)
        {
            return _shapes.ForRoot(message);
        }
    }
}
