using System.Text;
using System.Text.Json.Nodes;

namespace Bff.Stitching.Execution;

/// <summary>Reads downstream JSON by dotted path, matching GraphQL camelCase names to snake_case properties.</summary>
public static class JsonPath
{
    private const int MaxRemembered = 10_000;

    // A field's lookup misses its camelCase name on snake_case payloads (protobuf JSON, many REST APIs) on every item.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> SnakeCase = new(StringComparer.Ordinal);

    /// <summary>Follows <paramref name="path"/> from <paramref name="node"/>; a missing step yields <see langword="null"/>.</summary>
    public static JsonNode? Get(JsonNode? node, IReadOnlyList<string> path)
    {
        foreach (var step in path)
        {
            if (node is not JsonObject obj)
            {
                return null;
            }

            node = Property(obj, step);
        }

        return node;
    }

    /// <summary>Gets a property by its exact name, else by its snake_case form.</summary>
    public static JsonNode? Property(JsonObject obj, string name) =>
        obj.TryGetPropertyValue(name, out var value) ? value
        : obj.TryGetPropertyValue(ToSnakeCase(name), out value) ? value
        : null;

    /// <summary>Converts <c>camelCase</c> to <c>snake_case</c>; other names pass unchanged.</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (SnakeCase.TryGetValue(name, out var known))
        {
            return known;
        }

        var converted = Convert(name);
        // The names are the schema's and its bindings' (a bounded set); the cap keeps an unexpected stream of names from growing it.
        if (SnakeCase.Count < MaxRemembered)
        {
            SnakeCase.TryAdd(name, converted);
        }

        return converted;
    }

    private static string Convert(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_')
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Renders a scalar value as the text used in URLs, headers and batch keys.</summary>
    public static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => node.ToJsonString(),
    };
}
