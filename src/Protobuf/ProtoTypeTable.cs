namespace Bff.Protobuf;

/// <summary>The symbol table of a schema set: every message and enum by full name, and the resolution of references.</summary>
internal sealed class ProtoTypeTable
{
    private readonly Dictionary<string, object> _types = new(StringComparer.Ordinal);
    private readonly List<ProtoFile> _files;

    /// <summary>Registers the types of <paramref name="files"/>, then those of <paramref name="builtIns"/> not already declared.</summary>
    public ProtoTypeTable(IReadOnlyList<ProtoFile> files, IReadOnlyList<ProtoFile> builtIns)
    {
        _files = [.. files, .. builtIns];
        foreach (var file in files)
        {
            Register(file, builtIn: false);
        }

        foreach (var file in builtIns)
        {
            Register(file, builtIn: true);
        }
    }

    /// <summary>Finds a message or enum by full name (no leading dot).</summary>
    public object? Find(string fullName) => _types.GetValueOrDefault(fullName);

    /// <summary>Gets every message of the table, nested ones included.</summary>
    public IEnumerable<ProtoMessage> Messages => _types.Values.OfType<ProtoMessage>();

    /// <summary>Resolves every field type of every file, and the request and response types of <paramref name="services"/>.</summary>
    public void Resolve(IEnumerable<ProtoService> services)
    {
        foreach (var message in _files.SelectMany(file => file.Messages))
        {
            ResolveMessage(message);
        }

        foreach (var service in services)
        {
            foreach (var method in service.Methods)
            {
                method.InputType = ResolveMethodType(method, method.InputTypeName, "request");
                method.OutputType = ResolveMethodType(method, method.OutputTypeName, "response");
            }
        }
    }

    private void Register(ProtoFile file, bool builtIn)
    {
        foreach (var message in file.Messages)
        {
            Register(message, message.FullName, message.FileName, builtIn);
        }

        foreach (var value in file.Enums)
        {
            Register(value, value.FullName, value.FileName, builtIn);
        }
    }

    private void Register(object type, string fullName, string fileName, bool builtIn)
    {
        if (!_types.TryAdd(fullName, type))
        {
            if (builtIn)
            {
                return;
            }

            var firstFile = _types[fullName] switch
            {
                ProtoMessage m => m.FileName,
                ProtoEnum e => e.FileName,
                _ => string.Empty,
            };
            throw new ProtoParseException(fileName, $"'{fullName}' is already declared in {firstFile}");
        }

        if (type is ProtoMessage message)
        {
            foreach (var nested in message.NestedMessages)
            {
                Register(nested, nested.FullName, nested.FileName, builtIn);
            }

            foreach (var value in message.NestedEnums)
            {
                Register(value, value.FullName, value.FileName, builtIn);
            }
        }
    }

    private void ResolveMessage(ProtoMessage message)
    {
        foreach (var field in message.Fields)
        {
            ResolveField(field.MapValue ?? field, message);
            if (field.IsRepeated && !field.IsMap)
            {
                field.IsPacked = ProtoNames.IsPackable(field.Type) && (field.PackedOption ?? message.IsProto3);
            }
        }

        foreach (var nested in message.NestedMessages)
        {
            ResolveMessage(nested);
        }
    }

    private void ResolveField(ProtoField field, ProtoMessage scope)
    {
        if (ProtoNames.ScalarType(field.TypeName) is not null)
        {
            return;
        }

        switch (Lookup(field.TypeName, scope.FullName))
        {
            case ProtoMessage message:
                field.Type = ProtoFieldType.Message;
                field.MessageType = message;
                break;
            case ProtoEnum value:
                field.Type = ProtoFieldType.Enum;
                field.EnumType = value;
                field.HasPresence = !field.IsRepeated && (field.IsOptional || field.OneofName is not null || !scope.IsProto3);
                break;
            default:
                throw new ProtoParseException(scope.FileName,
                    $"unknown type '{field.TypeName}' of field '{field.Name}' in message '{scope.FullName}'");
        }
    }

    private ProtoMessage ResolveMethodType(ProtoMethod method, string typeName, string what) =>
        Lookup(typeName, method.Service.FullName) switch
        {
            ProtoMessage message => message,
            ProtoEnum => throw new ProtoParseException(method.Service.FileName,
                $"the {what} type '{typeName}' of rpc '{method.FullName}' is an enum, not a message"),
            _ => throw new ProtoParseException(method.Service.FileName,
                $"unknown {what} type '{typeName}' of rpc '{method.FullName}'"),
        };

    private object? Lookup(string name, string scope)
    {
        if (name.StartsWith('.'))
        {
            return _types.GetValueOrDefault(name[1..]);
        }

        while (true)
        {
            if (_types.TryGetValue(scope.Length == 0 ? name : $"{scope}.{name}", out var type))
            {
                return type;
            }

            if (scope.Length == 0)
            {
                return null;
            }

            var dot = scope.LastIndexOf('.');
            scope = dot < 0 ? string.Empty : scope[..dot];
        }
    }
}
