using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.Stitching.Execution;

/// <summary>Reads argument values written in a client's document as JSON, variables replaced by their values.</summary>
public static class AstValues
{
    /// <summary>Gets <paramref name="value"/> as JSON; a variable the operation did not set is null.</summary>
    public static JsonNode? ToJson(GraphQLValue value, Variables? variables) => value switch
    {
        GraphQLVariable variable => variables is not null && variables.ValueFor(variable.Name.Value, out var given) && given.Value is { } found
            ? JsonSerializer.SerializeToNode(found)
            : null,
        GraphQLIntValue i => JsonValue.Create(long.Parse(i.Value.Span, CultureInfo.InvariantCulture)),
        GraphQLFloatValue f => JsonValue.Create(double.Parse(f.Value.Span, CultureInfo.InvariantCulture)),
        GraphQLStringValue s => JsonValue.Create(s.Value.ToString()),
        GraphQLBooleanValue b => JsonValue.Create(b.BoolValue),
        GraphQLEnumValue e => JsonValue.Create(e.Name.StringValue),
        GraphQLListValue list => new JsonArray([.. (list.Values ?? []).Select(v => ToJson(v, variables))]),
        GraphQLObjectValue obj => new JsonObject((obj.Fields ?? []).Select(f => KeyValuePair.Create(f.Name.StringValue, ToJson(f.Value, variables)))),
        _ => null,
    };
}
