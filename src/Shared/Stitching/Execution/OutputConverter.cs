using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using GraphQL.Types;

namespace Bff.Stitching.Execution;

/// <summary>
/// Turns downstream JSON into the values GraphQL.NET completes: objects stay <see cref="JsonObject"/>s
/// (their fields read them), lists become lists, scalars become CLR values of the field's scalar type.
/// A value that does not fit the type (a list where an object is expected, text where an Int is) is the downstream's
/// fault: a <c>DOWNSTREAM_ERROR</c> field error (<see cref="Mismatch"/>), never an internal error.
/// </summary>
public static class OutputConverter
{
    /// <summary>The <c>status</c> extension of a <see cref="Mismatch"/>.</summary>
    public const string InvalidResponse = "invalid_response";

    /// <summary>Converts <paramref name="node"/> for a field of type <paramref name="type"/>.</summary>
    public static object? Convert(JsonNode? node, IGraphType type)
    {
        if (node is null)
        {
            return null;
        }

        switch (type)
        {
            case NonNullGraphType nonNull:
                return Convert(node, nonNull.ResolvedType!);
            case ListGraphType list:
                return node is JsonArray array
                    ? array.Select(item => Convert(item, list.ResolvedType!)).ToList()
                    : new List<object?> { Convert(node, list.ResolvedType!) };
            case EnumerationGraphType enumeration:
                return EnumValue(node, enumeration);
            case ScalarGraphType scalar:
                return Scalar(node, scalar);
            case IComplexGraphType or IAbstractGraphType when node is not JsonObject:
                throw Mismatch($"an object ({type.Name}) was expected, {Describe(node)} came");
            default:
                return node;
        }
    }

    /// <summary>Creates the field error of a downstream value that does not fit its GraphQL type.</summary>
    /// <param name="problem">What does not fit, without the value itself (it is downstream data).</param>
    public static BffError Mismatch(string problem) => new(
        ErrorCodes.DownstreamError,
        $"The downstream answer does not fit the schema: {problem}.",
        new Dictionary<string, object?> { ["status"] = InvalidResponse });

    private static string Describe(JsonNode node) => node switch
    {
        JsonArray => "a list",
        JsonObject => "an object",
        _ => node.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "text",
            System.Text.Json.JsonValueKind.Number => "a number",
            _ => "a boolean",
        },
    };

    private static object? Scalar(JsonNode node, ScalarGraphType scalar)
    {
        if (node is not JsonValue value)
        {
            return scalar is StringGraphType or IdGraphType ? node.ToJsonString()
                : scalar is IntGraphType or LongGraphType or BigIntGraphType or FloatGraphType or BooleanGraphType ? throw Mismatch($"{scalar.Name} was expected, {Describe(node)} came")
                : null;
        }

        return scalar switch
        {
            IntGraphType => value.TryGetValue<int>(out var i) ? i
                : value.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d
                : value.TryGetValue<string>(out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out i) ? i
                : throw Mismatch($"Int (a 32-bit whole number) was expected, {Describe(value)} came"),
            FloatGraphType => value.TryGetValue<double>(out var f) ? f
                : value.TryGetValue<string>(out var s) && double.TryParse(s, CultureInfo.InvariantCulture, out f) ? f
                : throw Mismatch($"Float was expected, {Describe(value)} came"),
            LongGraphType => value.TryGetValue<long>(out var l) ? l
                : value.TryGetValue<string>(out var s) && long.TryParse(s, CultureInfo.InvariantCulture, out l) ? l
                : throw Mismatch($"Long (a 64-bit whole number) was expected, {Describe(value)} came"),
            BigIntGraphType => BigInteger.TryParse(JsonPath.AsText(value), CultureInfo.InvariantCulture, out var big) ? big
                : throw Mismatch($"BigInt was expected, {Describe(value)} came"),
            BooleanGraphType => value.TryGetValue<bool>(out var b) ? b
                : throw Mismatch($"Boolean was expected, {Describe(value)} came"),
            _ => JsonPath.AsText(value),
        };
    }

    private static string? EnumValue(JsonNode node, EnumerationGraphType enumeration)
    {
        var text = JsonPath.AsText(node);
        if (text is null)
        {
            return null;
        }

        return EnumMatcher.Match(text, enumeration)
            ?? throw Mismatch($"a value that enum {enumeration.Name} does not have came");
    }
}
