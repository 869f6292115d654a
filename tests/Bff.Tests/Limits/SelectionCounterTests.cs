using Bff.Limits;
using Bff.Tests.Fixtures;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;

namespace Bff.Tests.Limits;

public sealed class SelectionCounterTests
{
    private static readonly GraphQLDocumentBuilder Parser = new() { MaxDepth = 128 };

    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(60)]
    public void Spreads_that_double_count_every_expanded_selection(int levels)
    {
        var largest = Count(FragmentBombs.Spreads(levels));

        Assert.True(largest >= Math.Pow(2, Math.Min(levels, 61)) * 0.99, $"{largest} for {levels} levels");
    }

    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(60)]
    public void Inline_fragments_and_merged_fields_count_the_same_way(int levels)
    {
        Assert.True(Count(FragmentBombs.InlineFragments(levels)) >= Math.Pow(2, Math.Min(levels, 61)) * 0.99);
        Assert.True(Count(FragmentBombs.MergedFields(levels)) >= Math.Pow(2, Math.Min(levels, 61)) * 0.99);
    }

    [Fact]
    public void Twenty_levels_are_exactly_two_to_the_twentieth()
    {
        Assert.Equal(1L << 20, Count(FragmentBombs.Spreads(20)));
        Assert.Equal((1L << 21) - 2 + (1L << 20), Count(FragmentBombs.MergedFields(20)));
    }

    [Fact]
    public void Plain_documents_count_their_fields_once_per_use()
    {
        Assert.Equal(4, Count("{ a { b c } d }"));
        Assert.Equal(6, Count("{ x { ...F } y { ...F } } fragment F on T { a b }"));
    }

    [Fact]
    public void Cycles_and_unknown_fragments_add_nothing_and_end()
    {
        // B alone is b + A (a + b, the cycle cut): three, and the walk ends.
        Assert.Equal(3, Count("{ ...A } fragment A on Query { a ...B } fragment B on Query { b ...A }"));
        Assert.Equal(1, Count("{ a ...Missing }"));
    }

    [Fact]
    public void Duplicate_fragment_names_count_the_larger_definition()
    {
        Assert.Equal(3, Count("{ ...A } fragment A on Query { a } fragment A on Query { a b c }"));
    }

    [Fact]
    public void Spreads_nested_past_the_bound_are_refused_without_walking_them()
    {
        var chain = "{ ...F0 } " + string.Concat(Enumerable.Range(0, 600).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} }} ")) + "fragment F600 on Query { a }";

        Assert.Null(SelectionCounter.Largest(Parser.Build(chain)));
    }

    [Fact]
    public void The_IDE_introspection_query_is_far_below_the_default_limit()
    {
        var largest = Count(IntrospectionQuery.Text);

        Assert.InRange(largest, 100, new LimitOptions().MaxSelections / 4);
    }

    private static long Count(string query) => SelectionCounter.Largest(Parser.Build(query)) ?? -1;
}
