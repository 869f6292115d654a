namespace Bff.Stitching.Bindings;

/// <summary>
/// Builds a JSON object (a REST body, a gRPC request message, a set of headers) from templates:
/// <c>"job_id: {args.jobId}, page.size: {args.first}"</c>; or passes one value through whole: <c>"{args.input}"</c>.
/// </summary>
public sealed class ObjectMapping
{
    private ObjectMapping(string text, IReadOnlyList<KeyValuePair<string, ValueTemplate>> entries, ValueTemplate? whole)
    {
        Text = text;
        Entries = entries;
        Whole = whole;
    }

    /// <summary>Gets the mapping as written.</summary>
    public string Text { get; }

    /// <summary>Gets the <c>dotted.key: template</c> entries.</summary>
    public IReadOnlyList<KeyValuePair<string, ValueTemplate>> Entries { get; }

    /// <summary>Gets the template whose value is the whole object, when the mapping is a single placeholder.</summary>
    public ValueTemplate? Whole { get; }

    /// <summary>Gets every template of the mapping.</summary>
    public IEnumerable<ValueTemplate> Templates => Whole is null ? Entries.Select(e => e.Value) : [Whole];

    /// <summary>An empty mapping.</summary>
    public static ObjectMapping Empty { get; } = new("", [], null);

    /// <summary>Parses a mapping; problems are added to <paramref name="errors"/>.</summary>
    public static ObjectMapping Parse(string? text, ICollection<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Empty;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') && trimmed.EndsWith('}') && trimmed.IndexOf('}') == trimmed.Length - 1)
        {
            return new ObjectMapping(text, [], ValueTemplate.Parse(trimmed, errors));
        }

        var entries = new List<KeyValuePair<string, ValueTemplate>>();
        foreach (var entry in trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = entry.IndexOf(':');
            if (colon <= 0)
            {
                errors.Add($"'{entry}' is not of the form 'name: value'");
                continue;
            }

            var key = entry[..colon].Trim();
            entries.Add(new(key, ValueTemplate.Parse(entry[(colon + 1)..].Trim(), errors)));
        }

        return new ObjectMapping(text, entries, null);
    }
}
