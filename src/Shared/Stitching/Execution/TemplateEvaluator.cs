using System.Text;
using System.Text.Json.Nodes;
using Bff.Stitching.Bindings;

namespace Bff.Stitching.Execution;

/// <summary>Evaluates binding templates against a <see cref="BindingScope"/>.</summary>
public static class TemplateEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="template"/>. A template that is one placeholder keeps the value's type;
    /// otherwise the parts are concatenated, and any null placeholder makes the whole value null.
    /// </summary>
    public static JsonNode? Evaluate(ValueTemplate template, BindingScope scope)
    {
        if (template.Single is { } single)
        {
            var value = Evaluate(single, scope);
            return template.EnumValues is { } names
                ? Rename(value, names)
                : JsonCopy.Of(value);
        }

        var text = new StringBuilder();
        foreach (var part in template.Parts)
        {
            if (part is TemplateExpression e)
            {
                var value = JsonPath.AsText(Evaluate(e, scope));
                if (value is null)
                {
                    return null;
                }

                text.Append(value);
            }
            else
            {
                text.Append((string)part);
            }
        }

        return JsonValue.Create(text.ToString());
    }

    /// <summary>Evaluates one placeholder.</summary>
    public static JsonNode? Evaluate(TemplateExpression expression, BindingScope scope) => expression.Root switch
    {
        TemplateRoot.Args => JsonPath.Get(scope.Args, expression.Path),
        TemplateRoot.Parent => JsonPath.Get(scope.Parent, expression.Path),
        TemplateRoot.Keys => scope.Keys,
        TemplateRoot.Claims => Claim(expression, scope),
        _ => null,
    };

    /// <summary>Builds the JSON object a mapping describes.</summary>
    public static JsonNode? Evaluate(ObjectMapping mapping, BindingScope scope)
    {
        if (mapping.Whole is not null)
        {
            return Evaluate(mapping.Whole, scope);
        }

        var result = new JsonObject();
        foreach (var (key, template) in mapping.Entries)
        {
            var value = Evaluate(template, scope);
            if (value is null)
            {
                continue;
            }

            var target = result;
            var steps = key.Split('.');
            foreach (var step in steps[..^1])
            {
                if (target[step] is not JsonObject next)
                {
                    next = new JsonObject();
                    target[step] = next;
                }

                target = next;
            }

            target[steps[^1]] = value;
        }

        return result;
    }

    private static JsonNode? Rename(JsonNode? value, IReadOnlyDictionary<string, string> names) => value switch
    {
        JsonArray list => new JsonArray(list.Select(item => Rename(item, names)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var name) && names.TryGetValue(name, out var renamed) => JsonValue.Create(renamed),
        _ => JsonCopy.Of(value),
    };

    private static JsonValue Claim(TemplateExpression expression, BindingScope scope)
    {
        var name = string.Join('.', expression.Path);
        var claim = scope.User?.FindFirst(name)?.Value;
        if (claim is null)
        {
            throw scope.User?.Identity?.IsAuthenticated == true
                ? new BffError(ErrorCodes.Forbidden, $"This field needs the caller's '{name}' claim.")
                : new BffError(ErrorCodes.Unauthenticated, "This field needs an authenticated caller.");
        }

        return JsonValue.Create(claim);
    }
}
