using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;
using Bff.Stitching.Execution;

namespace Bff.Stitching.Rest;

/// <summary>
/// Writes parameter values into a URL the way OpenAPI's <c>style</c> and <c>explode</c> say (OpenAPI 3.1.1, "Style
/// Examples"): in the query <c>form</c> (<c>ids=a,b</c>; exploded <c>ids=a&amp;ids=b</c>), <c>spaceDelimited</c>
/// (<c>ids=a%20b</c>), <c>pipeDelimited</c> (<c>ids=a%7Cb</c>), <c>deepObject</c> (<c>filter%5Bk%5D=v</c>); in the path
/// <c>simple</c> (<c>a,b</c>), <c>label</c> (<c>.a.b</c>) and <c>matrix</c> (<c>;id=a,b</c>). Every name and value is
/// percent-encoded, so a caller's value stays data.
/// </summary>
internal static class QueryParameterStyle
{
    /// <summary>Gets the <c>name=value</c> pairs of query parameter <paramref name="name"/> (none when the value is null).</summary>
    public static IEnumerable<string> Query(string name, JsonNode? value, ParameterSerialization how)
    {
        var key = Uri.EscapeDataString(name);
        switch (value)
        {
            case null:
                return [];
            case JsonArray list when how.Explode:
                return list.Select(item => $"{key}={Text(item)}");
            case JsonArray list:
                return [$"{key}={string.Join(Delimiter(how.Style), list.Select(Text))}"];
            case JsonObject obj when how.Style == "deepObject":
                return obj.Where(p => p.Value is not null).SelectMany(p => Query($"{name}[{p.Key}]", p.Value, how with { Style = "form", Explode = true }));
            case JsonObject obj when how.Explode:
                return obj.Where(p => p.Value is not null).Select(p => $"{Uri.EscapeDataString(p.Key)}={Text(p.Value)}");
            case JsonObject obj:
                return [$"{key}={string.Join(Delimiter(how.Style), Pairs(obj))}"];
            default:
                return [$"{key}={Text(value)}"];
        }
    }

    /// <summary>Gets a path parameter's value written for a path, or throws <c>BAD_USER_INPUT</c> when it is missing or not a segment.</summary>
    /// <param name="value">The value.</param>
    /// <param name="how">The contract's serialisation.</param>
    /// <param name="placeholder">The placeholder it fills, e.g. <c>{args.id}</c>, for messages.</param>
    public static string Path(JsonNode? value, ParameterSerialization how, string placeholder)
    {
        if (value is null)
        {
            throw new BffError(ErrorCodes.BadUserInput, $"The value for {placeholder} is missing.");
        }

        var items = value switch
        {
            JsonArray list => list.Select(item => Segment(item, placeholder)).ToList(),
            JsonObject obj when how.Explode => obj.Select(p => $"{Segment(p.Key, placeholder)}={Segment(p.Value, placeholder)}").ToList(),
            JsonObject obj => obj.SelectMany(p => new[] { Segment(p.Key, placeholder), Segment(p.Value, placeholder) }).ToList(),
            _ => [Segment(value, placeholder)],
        };
        return how.Style switch
        {
            "label" => "." + string.Join(how.Explode ? "." : ",", items),
            "matrix" when how.Explode && value is JsonArray => string.Concat(items.Select(i => $";{Uri.EscapeDataString(how.Name)}={i}")),
            "matrix" when how.Explode && value is JsonObject => ";" + string.Join(';', items),
            "matrix" => $";{Uri.EscapeDataString(how.Name)}={string.Join(',', items)}",
            _ => items.Count == 0 ? PathSegment.Escape("", placeholder) : string.Join(',', items),
        };
    }

    private static string Segment(JsonNode? item, string placeholder) => PathSegment.Escape(JsonPath.AsText(item) ?? "", placeholder);

    private static string Segment(string text, string placeholder) => PathSegment.Escape(text, placeholder);

    private static string Text(JsonNode? item) => Uri.EscapeDataString(JsonPath.AsText(item) ?? "");

    private static IEnumerable<string> Pairs(JsonObject obj) =>
        obj.Where(p => p.Value is not null).SelectMany(p => new[] { Uri.EscapeDataString(p.Key), Text(p.Value) });

    private static string Delimiter(string? style) => style switch
    {
        "spaceDelimited" => "%20",
        "pipeDelimited" => "%7C",
        _ => ",",
    };
}
