namespace Bff.Limits;

/// <summary>
/// Limits on what one GraphQL operation may ask for (<c>Bff:Limits</c>). A breach refuses the operation before any
/// downstream call, with its own <c>extensions.code</c> and the limit in <c>extensions.limit</c>. Set a limit to 0 to
/// turn it off. The number of operations in a batch is <c>Bff:Http:MaxBatchOperations</c>.
/// </summary>
public sealed class LimitOptions
{
    /// <summary>Gets or sets the deepest field nesting (root fields are depth 1); introspection fields are not counted.</summary>
    /// <value>Defaults to 12.</value>
    public int MaxDepth { get; set; } = 12;

    /// <summary>Gets or sets how many aliased fields an operation may have, counted through fragments.</summary>
    /// <value>Defaults to 30.</value>
    public int MaxAliases { get; set; } = 30;

    /// <summary>
    /// Gets or sets how many field selections any operation or fragment may have once every fragment spread in it is
    /// expanded; checked in time linear in the document, before validation, so fragments that spread each other twice
    /// (2^n selections from n short lines) are refused before they cost anything.
    /// </summary>
    /// <value>Defaults to 2,000 (the IDE's introspection query expands to 217).</value>
    public int MaxSelections { get; set; } = 2000;

    /// <summary>Gets or sets how many lexical tokens the query text may have; checked before parsing.</summary>
    /// <value>Defaults to 4,000 (the IDE's introspection query has about 400).</value>
    public int MaxTokens { get; set; } = 4000;

    /// <summary>Gets or sets the highest static cost of an operation (see <see cref="CostModel"/>).</summary>
    /// <value>Defaults to 5,000.</value>
    public int MaxCost { get; set; } = 5000;

    /// <summary>Gets or sets the largest <c>variables</c> object, in bytes of JSON.</summary>
    /// <value>Defaults to 16,384.</value>
    public int MaxVariablesBytes { get; set; } = 16 * 1024;

    /// <summary>Gets or sets how deeply introspection may nest list fields (<c>types { fields { args } }</c> is 3).</summary>
    /// <value>Defaults to 3, what introspection queries of IDEs and code generators need.</value>
    public int MaxIntrospectionListDepth { get; set; } = 3;

    /// <summary>Gets or sets the cost of a field bound to a downstream call that is not batched.</summary>
    /// <value>Defaults to 10.</value>
    public int BoundFieldCost { get; set; } = 10;

    /// <summary>Gets or sets the assumed length of a list whose size no page-size argument gives.</summary>
    /// <value>Defaults to 10.</value>
    public int DefaultListSize { get; set; } = 10;

    /// <summary>Gets the arguments that give the length of the list a field returns (its own, or its connection's).</summary>
    /// <value>Defaults to <c>first</c>, <c>last</c>, <c>limit</c>, <c>pageSize</c>.</value>
    public List<string> PageSizeArguments { get; } = [];

    /// <summary>Gets the page-size argument names, with the default when none are configured.</summary>
    public IReadOnlyList<string> EffectivePageSizeArguments => PageSizeArguments.Count > 0 ? PageSizeArguments : ["first", "last", "limit", "pageSize"];

    /// <summary>Checks the options; each problem names its configuration key.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (key, value) in new[]
        {
            ("MaxDepth", MaxDepth), ("MaxAliases", MaxAliases), ("MaxSelections", MaxSelections), ("MaxTokens", MaxTokens), ("MaxCost", MaxCost),
            ("MaxVariablesBytes", MaxVariablesBytes), ("MaxIntrospectionListDepth", MaxIntrospectionListDepth),
            ("BoundFieldCost", BoundFieldCost), ("DefaultListSize", DefaultListSize),
        })
        {
            if (value < 0)
            {
                yield return $"Bff:Limits:{key} must be 0 (off) or more; got {value}.";
            }
        }
    }
}
