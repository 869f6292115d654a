namespace Bff.Protobuf;

/// <summary>How <see cref="ProtoCodec"/> writes JSON when it decodes a message.</summary>
/// <remarks>
/// Encoding needs no options: it accepts every form the proto3 JSON mapping allows (JSON or proto field names,
/// 64-bit integers as numbers or strings, enums by name or number).
/// </remarks>
public sealed record ProtoJsonOptions
{
    /// <summary>
    /// Gets the gateway's form: proto field names (<c>job_id</c>), 64-bit integers as JSON numbers (GraphQL <c>Long</c>),
    /// and fields at their default value written out. Otherwise the proto3 JSON mapping.
    /// </summary>
    public static ProtoJsonOptions Gateway { get; } = new();

    /// <summary>
    /// Gets the canonical proto3 JSON mapping, as Google.Protobuf's <c>JsonFormatter</c> writes it: lowerCamelCase
    /// names, 64-bit integers as strings, fields at their default value left out.
    /// </summary>
    public static ProtoJsonOptions Canonical { get; } = new() { UseJsonNames = true, Int64AsString = true, EmitDefaults = false };

    /// <summary>Gets a value indicating whether properties take the field's JSON name (<c>jobId</c>) rather than its proto name.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool UseJsonNames { get; init; }

    /// <summary>Gets a value indicating whether <c>int64</c>, <c>uint64</c> and their kin are written as strings, as JavaScript cannot hold them exactly.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool Int64AsString { get; init; }

    /// <summary>Gets a value indicating whether fields without presence at their default value (0, "", [], {}) are written.</summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool EmitDefaults { get; init; } = true;
}
