extern alias ProtobufNet;
using ProtobufNet::Google.Protobuf.Reflection;

namespace Bff.Protobuf;

/// <summary>Creates <see cref="ProtoField"/>s from field descriptors.</summary>
internal static class ProtoFieldFactory
{
    /// <summary>A plain, repeated or oneof field.</summary>
    public static ProtoField Field(FieldDescriptorProto descriptor, string? oneofName, bool isProto3)
    {
        var type = TypeOf(descriptor.type);
        var repeated = descriptor.label == FieldDescriptorProto.Label.LabelRepeated;
        var isScalar = type is not (ProtoFieldType.Message or ProtoFieldType.Enum);
        var field = new ProtoField(descriptor.Name, descriptor.Number, isScalar ? ProtoNames.Keyword(type) : descriptor.TypeName, type)
        {
            IsRepeated = repeated,
            IsOptional = descriptor.Proto3Optional || (!isProto3 && descriptor.label == FieldDescriptorProto.Label.LabelOptional),
            OneofName = oneofName,
            HasPresence = !repeated && (descriptor.Proto3Optional || oneofName is not null || !isProto3 || type == ProtoFieldType.Message),
            PackedOption = descriptor.Options is { } options && options.ShouldSerializePacked() ? options.Packed : null,
        };
        if (!string.IsNullOrEmpty(descriptor.JsonName))
        {
            field.JsonName = descriptor.JsonName;
        }

        return field;
    }

    /// <summary>A <c>map&lt;K, V&gt;</c> field, whose descriptor is a repeated field of the synthetic <paramref name="entry"/> message.</summary>
    public static ProtoField Map(FieldDescriptorProto descriptor, DescriptorProto entry)
    {
        var key = Field(entry.Fields.Single(f => f.Number == 1), null, isProto3: true);
        var value = Field(entry.Fields.Single(f => f.Number == 2), null, isProto3: true);
        var field = new ProtoField(descriptor.Name, descriptor.Number, $"map<{key.TypeName}, {value.TypeName}>", ProtoFieldType.Message)
        {
            IsRepeated = true,
            MapKey = key,
            MapValue = value,
        };
        if (!string.IsNullOrEmpty(descriptor.JsonName))
        {
            field.JsonName = descriptor.JsonName;
        }

        return field;
    }

    private static ProtoFieldType TypeOf(FieldDescriptorProto.Type type) => type switch
    {
        FieldDescriptorProto.Type.TypeDouble => ProtoFieldType.Double,
        FieldDescriptorProto.Type.TypeFloat => ProtoFieldType.Float,
        FieldDescriptorProto.Type.TypeInt64 => ProtoFieldType.Int64,
        FieldDescriptorProto.Type.TypeUint64 => ProtoFieldType.UInt64,
        FieldDescriptorProto.Type.TypeInt32 => ProtoFieldType.Int32,
        FieldDescriptorProto.Type.TypeFixed64 => ProtoFieldType.Fixed64,
        FieldDescriptorProto.Type.TypeFixed32 => ProtoFieldType.Fixed32,
        FieldDescriptorProto.Type.TypeBool => ProtoFieldType.Bool,
        FieldDescriptorProto.Type.TypeString => ProtoFieldType.String,
        FieldDescriptorProto.Type.TypeBytes => ProtoFieldType.Bytes,
        FieldDescriptorProto.Type.TypeUint32 => ProtoFieldType.UInt32,
        FieldDescriptorProto.Type.TypeSfixed32 => ProtoFieldType.SFixed32,
        FieldDescriptorProto.Type.TypeSfixed64 => ProtoFieldType.SFixed64,
        FieldDescriptorProto.Type.TypeSint32 => ProtoFieldType.SInt32,
        FieldDescriptorProto.Type.TypeSint64 => ProtoFieldType.SInt64,
        FieldDescriptorProto.Type.TypeEnum => ProtoFieldType.Enum,
        FieldDescriptorProto.Type.TypeMessage => ProtoFieldType.Message,
        _ => throw new NotSupportedException($"field type {type} (proto2 groups) is not supported"),
    };
}
