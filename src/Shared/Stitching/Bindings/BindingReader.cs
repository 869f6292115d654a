using GraphQL;
using GraphQL.Types;

namespace Bff.Stitching.Bindings;

/// <summary>Reads <c>@rest</c> and <c>@grpc</c> bindings from the fields of a schema built from SDL.</summary>
public static class BindingReader
{
    private static readonly HashSet<string> HttpMethods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>
    /// Reads the binding of <paramref name="field"/>, or returns <see langword="null"/> when it has none.
    /// Problems are added to <paramref name="errors"/> as plain messages (the caller adds file and field).
    /// </summary>
    public static FieldBinding? Read(IComplexGraphType type, FieldType field, List<string> errors)
    {
        var directives = field.GetAppliedDirectives();
        var rest = directives?.Find("rest");
        var grpc = directives?.Find("grpc");
        if (rest is not null && grpc is not null)
        {
            errors.Add("has both @rest and @grpc; bind a field to one call");
            return null;
        }

        var applied = rest ?? grpc;
        if (applied is null)
        {
            return null;
        }

        string? Arg(string name) => applied.FindArgument(name)?.Value as string;
        var select = SplitPath(Arg("select"));
        var batchKey = Arg("batchKey") is { } key ? ValueTemplate.Parse(key, errors) : null;
        var matchOn = SplitPath(Arg("matchOn") ?? "id");
        var pick = SplitPath(Arg("pick"));
        var cache = CachePolicyReader.Read(type, field, errors);
        if (pick.Count > 0 && batchKey is null)
        {
            errors.Add("pick applies to batched bindings only; use select");
        }

        if (rest is not null)
        {
            var method = (Arg("method") ?? "GET").ToUpperInvariant();
            if (!HttpMethods.Contains(method))
            {
                errors.Add($"@rest method '{method}' is not one of {string.Join(", ", HttpMethods)}");
            }

            var pathAndQuery = Arg("path") ?? "";
            if (!pathAndQuery.StartsWith('/'))
            {
                errors.Add($"@rest path '{pathAndQuery}' must start with '/'");
            }

            var (path, query) = SplitQuery(pathAndQuery, errors);
            return new RestBinding
            {
                Source = Arg("source") ?? "",
                TypeName = type.Name,
                FieldName = field.Name,
                Method = method,
                Path = path,
                Query = query,
                Headers = ObjectMapping.Parse(Arg("headers"), errors),
                Body = ObjectMapping.Parse(Arg("body"), errors),
                Select = select,
                BatchKey = batchKey,
                MatchOn = matchOn,
                Pick = pick,
                Cache = cache,
            };
        }

        return new GrpcBinding
        {
            Source = Arg("source") ?? "",
            TypeName = type.Name,
            FieldName = field.Name,
            Method = Arg("method") ?? "",
            Request = ObjectMapping.Parse(Arg("request"), errors),
            Select = select,
            BatchKey = batchKey,
            MatchOn = matchOn,
            Pick = pick,
            Cache = cache,
        };
    }

    /// <summary>Splits a dotted path; an empty or missing path selects the whole value.</summary>
    public static IReadOnlyList<string> SplitPath(string? path) =>
        string.IsNullOrWhiteSpace(path) ? [] : path.Split('.', StringSplitOptions.TrimEntries);

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
