using GraphQL.Types;

namespace Bff.Stitching.Contracts;

/// <summary>
/// The start-up rules for a scalar that crosses between a contract and GraphQL, in both directions: a mapping that
/// can fail or corrupt a value at run time (an int64 in a 32-bit Int, text into an int32 field) is refused with the
/// fix. The README's "Type mapping" table lists the same rules.
/// </summary>
internal static class ScalarMapping
{
    /// <summary>Gets why a contract value of <paramref name="shape"/> cannot be returned as GraphQL <paramref name="type"/>, or <see langword="null"/>.</summary>
    /// <param name="type">A GraphQL scalar or enum type.</param>
    /// <param name="shape">What the contract gives.</param>
    /// <param name="where">The source and operation, for the message.</param>
    public static string? OutputProblem(IGraphType type, ContractShape shape, string where)
    {
        var given = $"{Describe(shape)} ({where})";
        return (type, shape.Kind) switch
        {
            (_, ShapeKind.Any) => null,
            (IntGraphType, ShapeKind.Integer) when WidthOf(shape) > IntegerWidth.Int32 =>
                $"type mismatch: {given} cannot be represented by GraphQL Int (32-bit); use {Wider(shape)}.",
            (FloatGraphType, ShapeKind.Integer) when WidthOf(shape) > IntegerWidth.UInt32 =>
                $"type mismatch: {given} loses precision in GraphQL Float (exact to 2^53 only); use {Wider(shape)}.",
            (LongGraphType, ShapeKind.Integer) when WidthOf(shape) > IntegerWidth.Int64 =>
                $"type mismatch: {given} cannot be represented by GraphQL Long (signed 64-bit); use String or BigInt.",
            (EnumerationGraphType, ShapeKind.String) =>
                $"type mismatch: {given} is free text, which may be no value of enum {type.Name}; declare the field String, or list the values in the contract.",
            (IntGraphType or LongGraphType or BigIntGraphType, ShapeKind.Integer) or (FloatGraphType, ShapeKind.Integer or ShapeKind.Number) => null,
            (IdGraphType or StringGraphType, ShapeKind.String or ShapeKind.Integer or ShapeKind.Enum) => null,
            (BooleanGraphType, ShapeKind.Boolean) or (EnumerationGraphType, ShapeKind.Enum) => null,
            (IntGraphType or LongGraphType or BigIntGraphType or FloatGraphType or IdGraphType or StringGraphType or BooleanGraphType or EnumerationGraphType, _) =>
                $"type mismatch: the field is {type.Name} but {where} gives {Describe(shape)}.",
            _ => null,
        };
    }

    /// <summary>Gets why a GraphQL argument of <paramref name="type"/> cannot fill <paramref name="field"/> of <paramref name="shape"/>, or <see langword="null"/>.</summary>
    /// <param name="type">The argument's named GraphQL type.</param>
    /// <param name="shape">What the contract field takes.</param>
    /// <param name="field">The contract field or parameter, for the message.</param>
    /// <param name="nonNegative">Whether the argument is known to be at least 0 (<c>@range(min: 0)</c>).</param>
    public static string? InputProblem(IGraphType type, ContractShape shape, string field, bool nonNegative)
    {
        var cannot = $"GraphQL {type.Name} argument cannot fill {Describe(shape)} field '{field}'";
        var width = WidthOf(shape);
        return (type, shape.Kind) switch
        {
            (_, ShapeKind.Any) => null,
            (IntGraphType, ShapeKind.Integer) when width is IntegerWidth.UInt32 or IntegerWidth.UInt64 && !nonNegative =>
                $"{cannot}: a negative Int does not fit; add @range(min: 0) to the argument.",
            (LongGraphType, ShapeKind.Integer) when width < IntegerWidth.Int64 =>
                $"{cannot}: a Long can exceed it; declare the argument Int.",
            (LongGraphType, ShapeKind.Integer) when width == IntegerWidth.UInt64 && !nonNegative =>
                $"{cannot}: a negative Long does not fit.",
            (IntGraphType or FloatGraphType, ShapeKind.Number) when shape.Format == "float" =>
                $"{cannot}: a 32-bit float holds it only approximately; make the field double.",
            (IntGraphType or LongGraphType, ShapeKind.Integer) or (IntGraphType or FloatGraphType, ShapeKind.Number) => null,
            (StringGraphType or IdGraphType or EnumerationGraphType, ShapeKind.String) when shape.Format == "byte" =>
                $"{cannot}: the field takes base64, which not every {type.Name} is; make the field string.",
            (StringGraphType or IdGraphType or EnumerationGraphType, ShapeKind.String) => null,
            (BooleanGraphType, ShapeKind.Boolean) or (EnumerationGraphType, ShapeKind.Enum) => null,
            (StringGraphType or IdGraphType, ShapeKind.Integer) =>
                $"{cannot}: text may not be a number; declare the argument {(width <= IntegerWidth.Int32 ? "Int" : "Int (or Long)")}.",
            (StringGraphType or IdGraphType, ShapeKind.Enum) =>
                $"{cannot}: text may not be one of its values; declare the argument as a GraphQL enum.",
            (FloatGraphType, ShapeKind.Integer) => $"{cannot}: a Float can have a fraction; declare the argument Int.",
            (IntGraphType or LongGraphType or BigIntGraphType or FloatGraphType or IdGraphType or StringGraphType or BooleanGraphType or EnumerationGraphType, _) =>
                $"{cannot}; declare the argument {Suggest(shape)}.",
            _ => null,
        };
    }

    /// <summary>Describes a contract value for messages: <c>int64</c>, <c>integer (int64)</c>, <c>google.protobuf.Int64Value (int64)</c>.</summary>
    public static string Describe(ContractShape shape) =>
        shape.Kind == ShapeKind.Enum ? $"enum {shape.Name}"
        : shape.Format is null || shape.Format == shape.Name || shape.Kind == ShapeKind.String ? shape.Name
        : $"{shape.Name} ({shape.Format})";

    /// <summary>Gets the width of an integer shape (<see cref="IntegerWidth.Unbounded"/> when the contract does not say).</summary>
    public static IntegerWidth WidthOf(ContractShape shape) => shape.Format switch
    {
        "int32" => IntegerWidth.Int32,
        "uint32" => IntegerWidth.UInt32,
        "int64" => IntegerWidth.Int64,
        "uint64" => IntegerWidth.UInt64,
        _ => IntegerWidth.Unbounded,
    };

    private static string Wider(ContractShape shape) => WidthOf(shape) switch
    {
        IntegerWidth.UInt32 => "Float, String or a Long scalar",
        IntegerWidth.Int64 => "String or a Long scalar",
        _ => "String or a BigInt scalar",
    };

    private static string Suggest(ContractShape shape) => shape.Kind switch
    {
        ShapeKind.Integer => "Int",
        ShapeKind.Number => "Float",
        ShapeKind.Boolean => "Boolean",
        ShapeKind.Enum => "a GraphQL enum",
        ShapeKind.String => "String",
        _ => "as an input object",
    };
}
