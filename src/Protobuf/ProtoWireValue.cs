using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Bff.Protobuf;

/// <summary>One value as read from the wire, before it is interpreted: the varint or fixed bits, or the bytes of a length-delimited value.</summary>
internal readonly record struct ProtoWireValue(WireFormat.WireType WireType, ulong Bits, ReadOnlyMemory<byte> Bytes)
{
    /// <summary>Reads the value of the field whose tag was just read; returns false (after skipping it) for groups.</summary>
    public static bool TryRead(ProtoWireReader input, WireFormat.WireType wireType, out ProtoWireValue value)
    {
        ArgumentNullException.ThrowIfNull(input);
        value = wireType switch
        {
            WireFormat.WireType.Varint => new ProtoWireValue(wireType, input.Input.ReadUInt64(), default),
            WireFormat.WireType.Fixed32 => new ProtoWireValue(wireType, input.Input.ReadFixed32(), default),
            WireFormat.WireType.Fixed64 => new ProtoWireValue(wireType, input.Input.ReadFixed64(), default),
            WireFormat.WireType.LengthDelimited => new ProtoWireValue(wireType, 0, input.ReadLengthDelimited()),
            _ => default,
        };
        if (wireType is WireFormat.WireType.StartGroup or WireFormat.WireType.EndGroup)
        {
            input.Input.SkipLastField();
            return false;
        }

        return true;
    }

    /// <summary>Opens a reader over <paramref name="bytes"/> without copying when they live in an array.</summary>
    public static ProtoWireReader OpenReader(ReadOnlyMemory<byte> bytes) => new(bytes);
}

/// <summary>
/// A <see cref="CodedInputStream"/> over bytes that live in an array, whose length-delimited values (strings, bytes,
/// nested messages) are slices of those bytes: <see cref="CodedInputStream.ReadBytes"/> would copy each one.
/// </summary>
internal sealed class ProtoWireReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly int _offset;

    public ProtoWireReader(ReadOnlyMemory<byte> data)
    {
        if (!MemoryMarshal.TryGetArray(data, out var segment) || segment.Array is null)
        {
            var copy = data.ToArray();
            data = copy;
            segment = new ArraySegment<byte>(copy);
        }

        _data = data;
        _offset = segment.Offset;
        Input = new CodedInputStream(segment.Array!, segment.Offset, segment.Count);
    }

    /// <summary>Gets the stream the reader reads with.</summary>
    public CodedInputStream Input { get; }

    /// <summary>Gets whether every byte was read.</summary>
    public bool IsAtEnd => Input.IsAtEnd;

    /// <summary>Reads the next tag (0 at the end).</summary>
    public uint ReadTag() => Input.ReadTag();

    /// <summary>Reads the length-delimited value of the field whose tag was just read, as a slice of the input.</summary>
    public ReadOnlyMemory<byte> ReadLengthDelimited()
    {
        // The stream's position is an index into the array; skipping the field checks its length against the input.
        var start = (int)Input.Position - _offset;
        Input.SkipLastField();
        var end = (int)Input.Position - _offset;
        var span = _data.Span;
        var prefix = start;
        while ((span[prefix] & 0x80) != 0)
        {
            prefix++;
        }

        return _data[(prefix + 1)..end];
    }
}