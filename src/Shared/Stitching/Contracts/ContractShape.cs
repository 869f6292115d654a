namespace Bff.Stitching.Contracts;

/// <summary>The kind of value a downstream contract (OpenAPI schema or protobuf message) describes.</summary>
public enum ShapeKind
{
    /// <summary>Anything: the contract does not say (an untyped OpenAPI schema, <c>google.protobuf.Value</c>).</summary>
    Any,
    /// <summary>An object / message with named properties.</summary>
    Object,
    /// <summary>A list / repeated field.</summary>
    List,
    /// <summary>A string (also bytes, dates and enums rendered as names).</summary>
    String,
    /// <summary>A whole number (int32, int64, uint32, …).</summary>
    Integer,
    /// <summary>A floating point number.</summary>
    Number,
    /// <summary>A boolean.</summary>
    Boolean,
    /// <summary>An enumeration; <see cref="ContractShape.EnumValues"/> lists its names.</summary>
    Enum,
}

/// <summary>
/// A contract-neutral description of a downstream value, built from an OpenAPI schema or a protobuf
/// message, so one checker can validate every binding against every kind of source at start-up.
/// </summary>
public sealed class ContractShape
{
    /// <summary>Creates a shape.</summary>
    public ContractShape(ShapeKind kind, string name)
    {
        Kind = kind;
        Name = name;
    }

    /// <summary>Gets the kind of value.</summary>
    public ShapeKind Kind { get; }

    /// <summary>Gets a display name for messages (schema or message name, or the scalar type).</summary>
    public string Name { get; }

    /// <summary>
    /// Gets the properties of an <see cref="ShapeKind.Object"/>, keyed by their wire name
    /// (JSON property name, or protobuf field name). Mutable so recursive types can be built.
    /// </summary>
    public Dictionary<string, ContractShape> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the item shape of a <see cref="ShapeKind.List"/>.</summary>
    public ContractShape? Items { get; set; }

    /// <summary>
    /// Gets the alternatives of a value that may take several shapes (OpenAPI <c>oneOf</c>/<c>anyOf</c>);
    /// such a shape is <see cref="ShapeKind.Any"/> and checks pick the variant that fits.
    /// </summary>
    public List<ContractShape> Variants { get; } = [];

    /// <summary>Gets the value names of an <see cref="ShapeKind.Enum"/>.</summary>
    public List<string> EnumValues { get; } = [];

    /// <summary>
    /// Gets the format of a number or string, in OpenAPI's words: <c>int32</c>, <c>uint32</c>, <c>int64</c>,
    /// <c>uint64</c> (integers), <c>float</c>, <c>double</c> (numbers), <c>byte</c> (base64 text, protobuf
    /// <c>bytes</c>); <see langword="null"/> when the contract does not say (an integer of any size).
    /// </summary>
    public string? Format { get; init; }

    /// <summary>
    /// Gets the prefix the contract puts on every value of an <see cref="ShapeKind.Enum"/> (a protobuf enum's name in
    /// SCREAMING_SNAKE_CASE and <c>_</c>, e.g. <c>PROPOSAL_STATUS_</c>), which GraphQL values may leave out.
    /// </summary>
    public string? ValuePrefix { get; init; }

    /// <summary>Gets a shape that accepts anything.</summary>
    public static ContractShape Anything { get; } = new(ShapeKind.Any, "any");

    /// <summary>Creates a list shape of <paramref name="items"/>.</summary>
    public static ContractShape ListOf(ContractShape items) => new(ShapeKind.List, $"[{items.Name}]") { Items = items };

    /// <inheritdoc />
    public override string ToString() => Name;
}
