using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bff.Stitching.Execution;

/// <summary>
/// Copies a JSON tree so the copy can be given a new parent, without copying the parsed text behind it.
/// <see cref="JsonNode.DeepClone"/> copies every parsed value into a document of its own (one per string or number);
/// this copy makes new objects and arrays and lets each value share its immutable parsed element, so a batch of
/// nineteen proposals costs nineteen small trees, not two hundred documents.
/// </summary>
public static class JsonCopy
{
    /// <summary>Returns a parentless copy of <paramref name="node"/> with the same JSON text.</summary>
    public static JsonNode? Of(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject(obj.Options);
                foreach (var (name, value) in obj)
                {
                    copy.Add(name, Of(value));
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray(array.Options);
                foreach (var item in array)
                {
                    items.Add(Of(item));
                }

                return items;
            default:
                // A parsed value wraps an element of a document that is never disposed nor changed: share it.
                return node.AsValue().TryGetValue<JsonElement>(out var element) ? JsonValue.Create(element, node.Options) : node.DeepClone();
        }
    }
}
