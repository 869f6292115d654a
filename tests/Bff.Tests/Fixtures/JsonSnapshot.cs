using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bff.Tests.Fixtures;

/// <summary>Renders JSON for Snapshooter as indented text, so snapshots read like the responses clients see.</summary>
public static class JsonSnapshot
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(JsonNode? node) => node?.ToJsonString(Indented) ?? "null";
}
