using System.Text.Json.Nodes;

namespace Bff.Stitching.RemoteGraphQL;

/// <summary>The introspection query Bff sends at start-up, and the reading of its answer into a <see cref="RemoteSchema"/>.</summary>
internal static class RemoteIntrospection
{
    public const string Query = """
        query BffIntrospection {
          __schema {
            queryType { name }
            mutationType { name }
            types {
              kind name
              fields(includeDeprecated: true) { name type { ...Ref } args { name defaultValue type { ...Ref } } }
              inputFields { name defaultValue type { ...Ref } }
              enumValues(includeDeprecated: true) { name }
            }
          }
        }
        fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } }
        """;

    /// <summary>Reads the <c>data.__schema</c> of an introspection answer; <see langword="null"/> when it has none.</summary>
    public static RemoteSchema? Read(JsonNode? answer)
    {
        if (answer?["data"]?["__schema"] is not JsonObject root || root["types"] is not JsonArray types)
        {
            return null;
        }

        var schema = new RemoteSchema
        {
            QueryType = (string?)root["queryType"]?["name"] ?? "Query",
            MutationType = (string?)root["mutationType"]?["name"],
        };
        foreach (var node in types.OfType<JsonObject>())
        {
            var name = (string)node["name"]!;
            var kind = Enum.Parse<RemoteTypeKind>(((string)node["kind"]!).Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
            var type = schema.Types[name] = new RemoteType(name, kind);
            foreach (var field in (node["fields"] as JsonArray ?? node["inputFields"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var args = (field["args"] as JsonArray ?? []).OfType<JsonObject>().Select(Argument).ToDictionary(a => a.Name, StringComparer.Ordinal);
                type.Fields[(string)field["name"]!] = new RemoteField((string)field["name"]!, Ref(field["type"]!), args);
            }

            type.EnumValues.AddRange((node["enumValues"] as JsonArray ?? []).Select(v => (string)v!["name"]!));
        }

        return schema;
    }

    private static RemoteArgument Argument(JsonObject arg) => new((string)arg["name"]!, Ref(arg["type"]!), arg["defaultValue"] is not null);

    private static RemoteTypeRef Ref(JsonNode type) => (string?)type["kind"] switch
    {
        "NON_NULL" => Ref(type["ofType"]!) with { NonNull = true },
        "LIST" => new RemoteTypeRef(null, Ref(type["ofType"]!), false),
        _ => new RemoteTypeRef((string)type["name"]!, null, false),
    };
}
