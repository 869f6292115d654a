using Bff.Protobuf;
using Bff.Stitching.Contracts;

namespace Bff.Stitching.Grpc;

/// <summary>
/// Builds <see cref="ContractShape"/>s from messages, matching what <see cref="ProtoCodec.Decode(ProtoMessage, byte[])"/>
/// produces: proto field names, 64-bit integers as numbers, enums as names, maps as <see cref="ShapeKind.Any"/>,
/// and the JSON forms of the well-known types (Timestamp, Duration and FieldMask as strings, wrappers as their value).
/// Not thread-safe: one builder per contract being loaded.
/// </summary>
internal sealed class ProtoShapeBuilder
{
    private readonly Dictionary<ProtoMessage, ContractShape> _messages = [];
    private readonly Dictionary<ProtoEnum, ContractShape> _enums = [];
    private readonly Dictionary<ProtoMessage, ContractShape> _roots = [];

    /// <summary>
    /// Gets the shape of <paramref name="message"/> as a root (a request or response): always an object, even for
    /// a well-known type that has a special JSON form when nested.
    /// </summary>
    public ContractShape ForRoot(ProtoMessage message)
    {
        if (!WellKnownProtos.HasSpecialJson(message.FullName))
        {
            return ForMessage(message);
        }

        if (!_roots.TryGetValue(message, out var shape))
        {
            shape = new ContractShape(ShapeKind.Object, message.FullName);
            _roots.Add(message, shape);
            foreach (var field in message.Fields)
            {
                shape.Properties[field.Name] = ForField(field);
            }
        }

        return shape;
    }

    /// <summary>Gets the (cached) shape of <paramref name="message"/> as a nested value.</summary>
    public ContractShape ForMessage(ProtoMessage message)
    {
        if (_messages.TryGetValue(message, out var shape))
        {
            return shape;
        }

        if (WellKnownShape(message) is { } special)
        {
            _messages.Add(message, special);
            return special;
        }

        shape = new ContractShape(ShapeKind.Object, message.FullName);
        _messages.Add(message, shape);
        foreach (var field in message.Fields)
        {
            shape.Properties[field.Name] = ForField(field);
        }

        return shape;
    }

    private ContractShape ForField(ProtoField field)
    {
        if (field.IsMap)
        {
            return new ContractShape(ShapeKind.Any, field.TypeName);
        }

        var single = ForValue(field);
        return field.IsRepeated ? ContractShape.ListOf(single) : single;
    }

    private ContractShape ForValue(ProtoField field) => field.Type switch
    {
        ProtoFieldType.Message when field.MessageType is { } message => ForMessage(message),
        ProtoFieldType.Enum when field.EnumType is { } value => ForEnum(value),
        ProtoFieldType.Message or ProtoFieldType.Enum => ContractShape.Anything,
        _ => Scalar(field.Type, ProtoNames.Keyword(field.Type)),
    };

    private ContractShape ForEnum(ProtoEnum value)
    {
        if (!_enums.TryGetValue(value, out var shape))
        {
            shape = new ContractShape(ShapeKind.Enum, value.FullName) { ValuePrefix = EnumMapping.ProtoPrefix(value.FullName) };
            shape.EnumValues.AddRange(value.Values.Select(v => v.Name));
            _enums.Add(value, shape);
        }

        return shape;
    }

    private static ContractShape Scalar(ProtoFieldType type, string name) => type switch
    {
        ProtoFieldType.String => new ContractShape(ShapeKind.String, name),
        ProtoFieldType.Bytes => new ContractShape(ShapeKind.String, name) { Format = "byte" },
        ProtoFieldType.Double => new ContractShape(ShapeKind.Number, name) { Format = "double" },
        ProtoFieldType.Float => new ContractShape(ShapeKind.Number, name) { Format = "float" },
        ProtoFieldType.Bool => new ContractShape(ShapeKind.Boolean, name),
        ProtoFieldType.Int32 or ProtoFieldType.SInt32 or ProtoFieldType.SFixed32 => new ContractShape(ShapeKind.Integer, name) { Format = "int32" },
        ProtoFieldType.UInt32 or ProtoFieldType.Fixed32 => new ContractShape(ShapeKind.Integer, name) { Format = "uint32" },
        ProtoFieldType.UInt64 or ProtoFieldType.Fixed64 => new ContractShape(ShapeKind.Integer, name) { Format = "uint64" },
        _ => new ContractShape(ShapeKind.Integer, name) { Format = "int64" },
    };

    private static ContractShape? WellKnownShape(ProtoMessage message)
    {
        if (WellKnownProtos.IsWrapper(message.FullName) && message.TryGetField("value", out var value))
        {
            return Scalar(value.Type, message.FullName);
        }

        return message.FullName switch
        {
            WellKnownProtos.Timestamp or WellKnownProtos.Duration or WellKnownProtos.FieldMask => new ContractShape(ShapeKind.String, message.FullName),
            WellKnownProtos.Struct or WellKnownProtos.Value or WellKnownProtos.Any => new ContractShape(ShapeKind.Any, message.FullName),
            WellKnownProtos.ListValue => ContractShape.ListOf(ContractShape.Anything),
            _ => null,
        };
    }
}
