namespace Bff.Stitching.Contracts;

/// <summary>The range of a contract integer, narrowest first, so widths compare with <c>&lt;</c>.</summary>
internal enum IntegerWidth
{
    /// <summary>Signed 32-bit: proto <c>int32</c>, <c>sint32</c>, <c>sfixed32</c>; OpenAPI <c>format: int32</c>.</summary>
    Int32,

    /// <summary>Unsigned 32-bit: proto <c>uint32</c>, <c>fixed32</c>.</summary>
    UInt32,

    /// <summary>Signed 64-bit: proto <c>int64</c>, <c>sint64</c>, <c>sfixed64</c>; OpenAPI <c>format: int64</c>.</summary>
    Int64,

    /// <summary>Unsigned 64-bit: proto <c>uint64</c>, <c>fixed64</c>.</summary>
    UInt64,

    /// <summary>Any size: an OpenAPI <c>integer</c> without a format.</summary>
    Unbounded,
}
