using System.Text;

namespace Bff.Tests.Fixtures;

/// <summary>
/// Documents that are short as text but multiply when their fragments are expanded: each level's fragment spreads
/// the next one twice, so <c>levels</c> levels are 2^levels selections for validation and execution.
/// </summary>
public static class FragmentBombs
{
    /// <summary><c>fragment F0 on Query { ...F1 ...F1 }</c> …, the last level selecting <c>__typename</c>.</summary>
    public static string Spreads(int levels) => Build(levels, next => $"...{next} ...{next}");

    /// <summary>The same, each spread inside an inline fragment.</summary>
    public static string InlineFragments(int levels) => Build(levels, next => $"... on Query {{ ...{next} }} ... on Query {{ ...{next} }}");

    /// <summary>The same, each spread beside a field of the same response name, so every level's fields must be merged.</summary>
    public static string MergedFields(int levels) => Build(levels, next => $"t: __typename ...{next} t: __typename ...{next}");

    private static string Build(int levels, Func<string, string> body)
    {
        var text = new StringBuilder("query Bomb { ...F0 }");
        for (var i = 0; i < levels; i++)
        {
            text.Append($" fragment F{i} on Query {{ {body($"F{i + 1}")} }}");
        }

        return text.Append($" fragment F{levels} on Query {{ __typename }}").ToString();
    }
}
