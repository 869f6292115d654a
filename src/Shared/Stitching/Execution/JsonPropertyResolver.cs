using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Bff.Stitching.Execution;

/// <summary>
/// The default resolver of unbound fields: reads the parent's downstream JSON by the field's name (or its snake_case
/// form, or the <c>@from</c> path) and converts it to the field's type; <c>@truncate</c> shortens strings.
/// </summary>
public sealed class JsonPropertyResolver : IFieldResolver
{
    private readonly IReadOnlyList<string> _path;
    private readonly IGraphType _type;
    private readonly int? _truncate;

    /// <summary>Creates the resolver of a field that reads <paramref name="path"/> from its parent.</summary>
    public JsonPropertyResolver(IReadOnlyList<string> path, IGraphType type, int? truncate)
    {
        _path = path;
        _type = type;
        _truncate = truncate;
    }

    /// <inheritdoc />
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        (context.UserContext as BffRequestContext)?.CountResolvedField();
        try
        {
            return ValueTask.FromResult(Resolve(context));
        }
        catch (BffError ex) when (ex.Code == ErrorCodes.DownstreamError)
        {
            throw ResponseSource.Attribute(ex, ResponseSource.Of(context.Parent));
        }
    }

    private object? Resolve(IResolveFieldContext context)
    {
        var value = OutputConverter.Convert(JsonPath.Get(context.Source as JsonNode, _path), _type);
        if (value is null && _type is NonNullGraphType && context.Source is JsonObject)
        {
            throw OutputConverter.Mismatch($"'{string.Join('.', _path)}' is missing, but {context.ParentType.Name}.{context.FieldDefinition.Name} is non-null");
        }

        if (_truncate is { } length && value is string text && text.Length > length)
        {
            value = Truncate(text, length);
        }

        return value;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="length"/> characters, at a word boundary when one is near.</summary>
    public static string Truncate(string text, int length)
    {
        var cut = text[..Math.Max(0, length - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > length / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', '.', ';', ':') + "…";
    }
}
