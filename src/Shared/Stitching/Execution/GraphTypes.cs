using GraphQL.Types;

namespace Bff.Stitching.Execution;

/// <summary>Small questions about GraphQL.NET type wrappers.</summary>
public static class GraphTypes
{
    /// <summary>Whether <paramref name="type"/> is a list, nullable or not.</summary>
    public static bool IsList(IGraphType type) => (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is ListGraphType;

    /// <summary>Gets the named type inside any list and non-null wrappers.</summary>
    public static IGraphType Named(IGraphType type)
    {
        while (type is IProvideResolvedType wrapper && wrapper.ResolvedType is { } inner)
        {
            type = inner;
        }

        return type;
    }
}
