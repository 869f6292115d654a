using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>One value as read from the wire, before it is interpreted: the varint or fixed bits, or the bytes of a length-delimited value.</summary>
internal readonly record struct ProtoWireValue(WireFormat.WireType WireType, ulong Bits, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>Reads the value of the field whose tag was just read; returns false (after skipping it) for groups.</summary>
    public static bool TryRead(CodedInputStream input, WireFormat.WireType wireType, out ProtoWireValue value)
    {
        value = wireType switch
        {
            WireFormat.WireType.Varint => new ProtoWireValue(wireType, input.ReadUInt64(), default),
            WireFormat.WireType.Fixed32 => new ProtoWireValue(wireType, input.ReadFixed32(), default),
            WireFormat.WireType.Fixed64 => new ProtoWireValue(wireType, input.ReadFixed64(), default),
            WireFormat.WireType.LengthDelimited => new ProtoWireValue(wireType, 0, input.ReadBytes().Memory),
            _ => default,
        };
        if (wireType is WireFormat.WireType.StartGroup or WireFormat.WireType.EndGroup)
        {
            input.SkipLastField();
            return false;
        }

        return true;
    }

    /// <summary>Opens a reader over <paramref name="bytes"/> without copying when they live in an array.</summary>
    public static CodedInputStream OpenReader(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new CodedInputStream(segment.Array, segment.Offset, segment.Count)
            : new CodedInputStream(bytes.ToArray());
}
