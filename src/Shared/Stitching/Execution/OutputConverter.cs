using System.Globalization;
using System.Text.Json.Nodes;
using GraphQL.Types;

namespace Bff.Stitching.Execution;

/// <summary>
/// Turns downstream JSON into the values GraphQL.NET completes: objects stay <see cref="JsonObject"/>s
/// (their fields read them), lists become lists, scalars become CLR values of the field's scalar type.
/// </summary>
public static class OutputConverter
{
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
            default:
                return node;
        }
    }

    private static object? Scalar(JsonNode node, ScalarGraphType scalar)
    {
        if (node is not JsonValue value)
        {
            return scalar is StringGraphType or IdGraphType ? node.ToJsonString() : null;
        }

        return scalar switch
        {
            IntGraphType => value.TryGetValue<int>(out var i) ? i
                : value.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d
                : value.TryGetValue<string>(out var s) && int.TryParse(s, CultureInfo.InvariantCulture, out i) ? i
                : throw new InvalidCastException($"'{value.ToJsonString()}' is not an Int"),
            FloatGraphType => value.TryGetValue<double>(out var f) ? f
                : value.TryGetValue<string>(out var s) && double.TryParse(s, CultureInfo.InvariantCulture, out f) ? f
                : throw new InvalidCastException($"'{value.ToJsonString()}' is not a Float"),
            BooleanGraphType => value.TryGetValue<bool>(out var b) ? b
                : throw new InvalidCastException($"'{value.ToJsonString()}' is not a Boolean"),
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
            ?? throw new InvalidCastException($"'{text}' is not a value of enum {enumeration.Name}");
    }
}
