using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>
/// Counts the field selections of every operation and fragment as they would be once each fragment spread is
/// replaced by its fragment, in time linear in the document: each fragment is walked once and its expanded size
/// memoized, sums saturate instead of overflowing. A document whose fragments spread the next one twice, 30 levels
/// deep, is 1.5 KB of text but 2^30 selections for validation and execution; this count sees it before either runs.
/// </summary>
internal sealed class SelectionCounter
{
    /// <summary>How deeply fields and fragment spreads may nest, counted together, before the document is refused unwalked.</summary>
    public const int MaxNesting = 512;

    private const long Saturated = long.MaxValue / 4;
    private readonly Dictionary<string, List<GraphQLFragmentDefinition>> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _expanded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _visiting = new(StringComparer.Ordinal);

    private SelectionCounter(GraphQLDocument document)
    {
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            var name = fragment.FragmentName.Name.StringValue;
            if (!_fragments.TryGetValue(name, out var list))
            {
                _fragments[name] = list = [];
            }

            list.Add(fragment);
        }
    }

    /// <summary>Gets the largest expanded selection count of any definition, or <c>null</c> when selections nest deeper than <see cref="MaxNesting"/>.</summary>
    public static long? Largest(GraphQLDocument document)
    {
        var counter = new SelectionCounter(document);
        long largest = 0;
        foreach (var definition in document.Definitions)
        {
            var size = definition switch
            {
                GraphQLOperationDefinition operation => counter.Count(operation.SelectionSet, 0),
                GraphQLFragmentDefinition fragment => counter.Count(fragment.SelectionSet, 0),
                _ => 0,
            };
            if (size is null)
            {
                return null;
            }

            largest = Math.Max(largest, size.Value);
        }

        return largest;
    }

    private long? Count(GraphQLSelectionSet? set, int nesting)
    {
        if (nesting > MaxNesting)
        {
            return null;
        }

        long total = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            var size = selection switch
            {
                GraphQLField field => Add(1, Count(field.SelectionSet, nesting + 1)),
                GraphQLInlineFragment inline => Count(inline.SelectionSet, nesting + 1),
                GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue, nesting + 1),
                _ => 0,
            };
            if (size is null)
            {
                return null;
            }

            total = Add(total, size).GetValueOrDefault();
        }

        return total;
    }

    private long? Spread(string name, int nesting)
    {
        if (_expanded.TryGetValue(name, out var known))
        {
            return known;
        }

        // An unknown fragment or a cycle fails validation on its own; it adds nothing here.
        if (!_fragments.TryGetValue(name, out var definitions) || !_visiting.Add(name))
        {
            return 0;
        }

        long largest = 0;
        foreach (var definition in definitions)
        {
            if (Count(definition.SelectionSet, nesting) is not { } size)
            {
                return null;
            }

            largest = Math.Max(largest, size);
        }

        _visiting.Remove(name);
        _expanded[name] = largest;
        return largest;
    }

    private static long? Add(long a, long? b) => b is { } value ? Math.Min(Saturated, a + value) : null;
}
