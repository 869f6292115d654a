using Bff.Stitching.Bindings;
using GraphQL.Types;

namespace Bff.Stitching.Rest;

/// <summary>Reads the arguments of <c>@rest</c>: method, path with its query string, headers and body.</summary>
internal static class RestBindingReader
{
    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    public static RestBinding Read(BindingHeader common, AppliedDirective directive, List<string> errors)
    {
        var method = (BindingArguments.Text(directive, "method") ?? "GET").ToUpperInvariant();
        if (!HttpMethods.Contains(method))
        {
            errors.Add($"@rest method '{method}' is not one of {string.Join(", ", HttpMethods)}");
        }

        var pathAndQuery = BindingArguments.Text(directive, "path") ?? "";
        if (!pathAndQuery.StartsWith('/'))
        {
            errors.Add($"@rest path '{pathAndQuery}' must start with '/'");
        }

        var (path, query) = SplitQuery(pathAndQuery, errors);
        return new RestBinding(common, method, path)
        {
            Query = query,
            Headers = ObjectMapping.Parse(BindingArguments.Text(directive, "headers"), errors),
            Body = ObjectMapping.Parse(BindingArguments.Text(directive, "body"), errors),
        };
    }

    private static (ValueTemplate Path, IReadOnlyList<KeyValuePair<string, ValueTemplate>> Query) SplitQuery(string text, List<string> errors)
    {
        var q = text.IndexOf('?');
        if (q < 0)
        {
            return (ValueTemplate.Parse(text, errors), []);
        }

        var query = new List<KeyValuePair<string, ValueTemplate>>();
        foreach (var pair in text[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add($"@rest query parameter '{pair}' must be name=value");
                continue;
            }

            query.Add(new(pair[..eq], ValueTemplate.Parse(pair[(eq + 1)..], errors)));
        }

        return (ValueTemplate.Parse(text[..q], errors), query);
    }
}
