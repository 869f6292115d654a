namespace Bff.Stitching.Bindings;

/// <summary>
/// A string with <c>{root.path}</c> placeholders, such as <c>/jobs/{args.id}</c>. A template that is exactly
/// one placeholder keeps the value's own type (a number stays a number, a list stays a list).
/// </summary>
public sealed class ValueTemplate
{
    private ValueTemplate(string text, IReadOnlyList<object> parts)
    {
        Text = text;
        Parts = parts;
    }

    /// <summary>Gets the template as written.</summary>
    public string Text { get; }

    /// <summary>Gets the literal strings and <see cref="TemplateExpression"/>s, in order.</summary>
    public IReadOnlyList<object> Parts { get; }

    /// <summary>Gets the placeholders of the template.</summary>
    public IEnumerable<TemplateExpression> Expressions => Parts.OfType<TemplateExpression>();

    /// <summary>
    /// Gets or sets how GraphQL enum values are renamed for the downstream (e.g. <c>IN_PROGRESS</c> →
    /// <c>in_progress</c>), when the placeholder is an enum argument and the contract slot an enum. Set at start-up.
    /// </summary>
    public IReadOnlyDictionary<string, string>? EnumValues { get; internal set; }

    /// <summary>Gets the single placeholder when the template is nothing else, else <see langword="null"/>.</summary>
    public TemplateExpression? Single => Parts is [TemplateExpression e] ? e : null;

    /// <summary>Parses a template; problems are added to <paramref name="errors"/>.</summary>
    public static ValueTemplate Parse(string text, ICollection<string> errors)
    {
        var parts = new List<object>();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf('{', i);
            if (open < 0)
            {
                parts.Add(text[i..]);
                break;
            }

            if (open > i)
            {
                parts.Add(text[i..open]);
            }

            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                errors.Add($"'{text}' has a '{{' without a closing '}}'");
                break;
            }

            parts.Add(TemplateExpression.Parse(text[(open + 1)..close], out var error));
            if (error is not null)
            {
                errors.Add(error);
            }

            i = close + 1;
        }

        return new ValueTemplate(text, parts);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
