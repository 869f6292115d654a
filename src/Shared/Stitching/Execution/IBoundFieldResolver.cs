using Bff.Stitching.Bindings;
using GraphQL.Resolvers;

namespace Bff.Stitching.Execution;

/// <summary>
/// The resolver of a field bound to a downstream call: protocols that delegate a sub-selection (remote GraphQL) leave
/// such fields out of it, since they make their own call.
/// </summary>
public interface IBoundFieldResolver : IFieldResolver
{
    /// <summary>Gets the binding the field resolves with.</summary>
    FieldBinding Binding { get; }
}
