using System.Diagnostics.CodeAnalysis;

namespace Bff.Protobuf;

/// <summary>
/// A set of <c>.proto</c> files (compiled by <see cref="ProtoCompiler"/> or read from descriptors) with every type
/// reference resolved. The set holds the imported files too, the well-known types among them.
/// Immutable once created and safe to share between threads.
/// </summary>
public sealed class ProtoSchemaSet
{
    private readonly ProtoTypeTable _types;
    private readonly Dictionary<string, ProtoService> _services = new(StringComparer.Ordinal);

    private ProtoSchemaSet(IReadOnlyList<ProtoFile> files)
    {
        Files = files;
        _types = new ProtoTypeTable(files, []);
        foreach (var service in files.SelectMany(file => file.Services))
        {
            if (!_services.TryAdd(service.FullName, service))
            {
                var first = _services[service.FullName];
                throw new ProtoParseException(service.FileName, $"service '{service.FullName}' is already declared in {first.FileName}");
            }
        }

        _types.Resolve(_services.Values);
        foreach (var message in _types.Messages)
        {
            message.Schema = this;
        }
    }

    /// <summary>Gets the files of the set, in the order given (imported files first).</summary>
    public IReadOnlyList<ProtoFile> Files { get; }

    /// <summary>Gets every service of the set.</summary>
    public IEnumerable<ProtoService> Services => _services.Values;

    /// <summary>Resolves <paramref name="files"/> into a set.</summary>
    /// <exception cref="ProtoParseException">A type is unknown or declared twice; the message names the file.</exception>
    internal static ProtoSchemaSet Create(IEnumerable<ProtoFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new ProtoSchemaSet(files.ToList());
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
}
