namespace Bff.Stitching.Bindings;

/// <summary>Where a template expression takes its value from.</summary>
public enum TemplateRoot
{
    /// <summary><c>{args.name}</c>: an argument of the bound field.</summary>
    Args,
    /// <summary><c>{parent.name}</c>: a property of the parent's downstream object.</summary>
    Parent,
    /// <summary><c>{claims.name}</c>: a claim of the authenticated caller.</summary>
    Claims,
    /// <summary><c>{keys}</c>: the keys of a batched call, one per parent.</summary>
    Keys,
}

/// <summary>One <c>{root.path}</c> placeholder inside a binding template.</summary>
/// <param name="Root">Where the value comes from.</param>
/// <param name="Path">The property path below the root (empty for <c>{keys}</c>).</param>
/// <param name="Text">The placeholder as written, for messages.</param>
public sealed record TemplateExpression(TemplateRoot Root, IReadOnlyList<string> Path, string Text)
{
    /// <summary>Parses <paramref name="text"/> (without braces), or returns an error message.</summary>
    public static TemplateExpression Parse(string text, out string? error)
    {
        error = null;
        var parts = text.Trim().Split('.');
        var root = parts[0] switch
        {
            "args" => TemplateRoot.Args,
            "parent" => TemplateRoot.Parent,
            "claims" => TemplateRoot.Claims,
            "keys" => TemplateRoot.Keys,
            _ => (TemplateRoot?)null,
        };
        if (root is null)
        {
            error = $"'{{{text}}}' must start with args., parent., claims. or be {{keys}}";
            return new TemplateExpression(TemplateRoot.Args, [], text);
        }

        var path = parts.Skip(1).ToArray();
        if (root == TemplateRoot.Keys ? path.Length != 0 : path.Length == 0 || path.Any(string.IsNullOrWhiteSpace))
        {
            error = $"'{{{text}}}' is not a valid path";
        }

        return new TemplateExpression(root.Value, path, "{" + text + "}");
    }
}
