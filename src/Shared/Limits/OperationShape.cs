namespace Bff.Limits;

/// <summary>What an operation asks for, measured through its fragments.</summary>
/// <param name="Depth">The deepest field nesting, introspection fields excluded.</param>
/// <param name="Aliases">How many aliased fields, counting a fragment once per spread.</param>
/// <param name="Cost">The static cost (see <see cref="CostModel"/>).</param>
/// <param name="IntrospectionListDepth">How deeply introspection list fields are nested.</param>
public readonly record struct OperationShape(int Depth, double Aliases, double Cost, int IntrospectionListDepth)
{
    /// <summary>Combines the shapes of two sibling selections.</summary>
    public OperationShape Plus(OperationShape other) => new(
        Math.Max(Depth, other.Depth), Aliases + other.Aliases, Cost + other.Cost, Math.Max(IntrospectionListDepth, other.IntrospectionListDepth));
}
