using System.Text.Json.Nodes;

namespace Bff.Stitching.Contracts;

/// <summary>Reads which request headers an OpenAPI operation's <c>security</c> requirement asks for.</summary>
internal static class OpenApiSecurity
{
    /// <summary>
    /// Gets the alternatives (any one suffices) of headers that <paramref name="operation"/> needs, from its own
    /// <c>security</c> or the document's: an <c>apiKey</c> scheme in a header needs that header; <c>http</c> (bearer, basic),
    /// <c>oauth2</c> and <c>openIdConnect</c> need <c>Authorization</c>. Empty when it needs nothing, or nothing headers can show.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(JsonObject root, JsonObject operation)
    {
        if ((operation["security"] ?? root["security"]) is not JsonArray { Count: > 0 } requirements)
        {
            return [];
        }

        var schemes = root["components"]?["securitySchemes"] as JsonObject;
        var alternatives = new List<IReadOnlyList<string>>();
        foreach (var requirement in requirements.OfType<JsonObject>())
        {
            var headers = new List<string>();
            foreach (var (name, _) in requirement)
            {
                var scheme = schemes?[name] as JsonObject;
                switch (scheme?["type"]?.GetValue<string>())
                {
                    case "apiKey" when scheme["in"]?.GetValue<string>() == "header" && scheme["name"]?.GetValue<string>() is { Length: > 0 } header:
                        headers.Add(header);
                        break;
                    case "http" or "oauth2" or "openIdConnect":
                        headers.Add("Authorization");
                        break;
                    default:
                        // A key in the query or a cookie, mutual TLS, an unknown scheme: nothing to check against headers.
                        return [];
                }
            }

            alternatives.Add(headers);
        }

        return alternatives;
    }
}
