extern alias ProtobufNet;
using ProtobufNet::Google.Protobuf.Reflection;

namespace Bff.Protobuf;

/// <summary>
/// Turns descriptors (as protobuf-net.Reflection compiles them from <c>.proto</c> text, or as server reflection sends
/// them) into the codec's <see cref="ProtoFile"/> model. Type names stay fully qualified (<c>.pkg.Message</c>) and
/// are resolved by <see cref="ProtoSchemaSet"/>.
/// </summary>
internal static class ProtoDescriptorReader
{
    /// <summary>Reads one file descriptor.</summary>
    public static ProtoFile Read(FileDescriptorProto descriptor)
    {
        var file = new ProtoFile(descriptor.Name)
        {
            Syntax = string.IsNullOrEmpty(descriptor.Syntax) ? "proto2" : descriptor.Syntax,
            Package = descriptor.Package ?? string.Empty,
        };
        foreach (var import in descriptor.Dependencies)
        {
            file.AddImport(import);
        }

        var prefix = file.Package.Length == 0 ? string.Empty : file.Package + ".";
        foreach (var message in descriptor.MessageTypes)
        {
            file.AddMessage(ReadMessage(message, file, prefix, parent: null));
        }

        foreach (var value in descriptor.EnumTypes)
        {
            file.AddEnum(ReadEnum(value, file, prefix));
        }

        foreach (var service in descriptor.Services)
        {
            file.AddService(ReadService(service, file, prefix));
        }

        return file;
    }

    private static ProtoMessage ReadMessage(DescriptorProto descriptor, ProtoFile file, string prefix, ProtoMessage? parent)
    {
        var message = new ProtoMessage(descriptor.Name, file.FileName, file.IsProto3, parent) { FullName = prefix + descriptor.Name };
        var nestedPrefix = message.FullName + ".";
        var entries = descriptor.NestedTypes.Where(n => n.Options?.MapEntry == true)
            .ToDictionary(n => "." + nestedPrefix + n.Name, StringComparer.Ordinal);
        foreach (var nested in descriptor.NestedTypes.Where(n => n.Options?.MapEntry != true))
        {
            message.AddMessage(ReadMessage(nested, file, nestedPrefix, message));
        }

        foreach (var value in descriptor.EnumTypes)
        {
            message.AddEnum(ReadEnum(value, file, nestedPrefix));
        }

        foreach (var oneof in descriptor.OneofDecls.Where((_, i) => !IsSynthetic(descriptor, i)))
        {
            message.AddOneof(oneof.Name);
        }

        foreach (var field in descriptor.Fields)
        {
            var read = entries.TryGetValue(field.TypeName ?? string.Empty, out var entry)
                ? ProtoFieldFactory.Map(field, entry)
                : ProtoFieldFactory.Field(field, OneofName(descriptor, field), file.IsProto3);
            if (message.AddField(read) is { } clash)
            {
                throw new ProtoParseException(file.FileName, $"field '{field.Name}' of '{message.FullName}' clashes with '{clash.Name}'");
            }
        }

        return message;
    }

    private static string? OneofName(DescriptorProto message, FieldDescriptorProto field) =>
        field.ShouldSerializeOneofIndex() && !field.Proto3Optional ? message.OneofDecls[field.OneofIndex].Name : null;

    // proto3 `optional` fields sit alone in a synthetic oneof: they have presence, but no oneof to report.
    private static bool IsSynthetic(DescriptorProto message, int index) =>
        message.Fields.Any(f => f.ShouldSerializeOneofIndex() && f.OneofIndex == index && f.Proto3Optional);

    private static ProtoEnum ReadEnum(EnumDescriptorProto descriptor, ProtoFile file, string prefix)
    {
        var value = new ProtoEnum(descriptor.Name, file.FileName, isClosed: !file.IsProto3) { FullName = prefix + descriptor.Name };
        foreach (var item in descriptor.Values)
        {
            value.AddValue(new ProtoEnumValue(item.Name, item.Number));
        }

        return value;
    }

    private static ProtoService ReadService(ServiceDescriptorProto descriptor, ProtoFile file, string prefix)
    {
        var service = new ProtoService(descriptor.Name, file.FileName) { FullName = prefix + descriptor.Name };
        foreach (var method in descriptor.Methods)
        {
            service.AddMethod(new ProtoMethod(service, method.Name, method.InputType, method.OutputType)
            {
                ClientStreaming = method.ClientStreaming,
                ServerStreaming = method.ServerStreaming,
                IdempotencyLevel = method.Options?.idempotency_level switch
                {
                    MethodOptions.IdempotencyLevel.NoSideEffects => ProtoIdempotencyLevel.NoSideEffects,
                    MethodOptions.IdempotencyLevel.Idempotent => ProtoIdempotencyLevel.Idempotent,
                    _ => ProtoIdempotencyLevel.Unknown,
                },
            });
        }

        return service;
    }
}
