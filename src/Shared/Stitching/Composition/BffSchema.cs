using Bff.Stitching.Bindings;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>A host's executable schema and the bindings it was built from.</summary>
/// <param name="Schema">The GraphQL.NET schema, initialized, with a resolver on every field.</param>
/// <param name="Bindings">Every bound field.</param>
/// <param name="Sdl">The SDL file the schema came from.</param>
public sealed record BffSchema(ISchema Schema, IReadOnlyList<FieldBinding> Bindings, SdlFile Sdl)
{
    /// <summary>Gets the names of the directives hidden from clients (the binding directives of every protocol and the common ones).</summary>
    public IReadOnlySet<string> HiddenDirectives { get; init; } = BindingDirectives.Names;
}
