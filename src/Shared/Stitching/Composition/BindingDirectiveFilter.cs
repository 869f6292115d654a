using GraphQL.Introspection;
using GraphQL.Types;

namespace Bff.Stitching.Composition;

/// <summary>Hides the binding directives from introspection: clients see the schema, not how it is wired.</summary>
internal sealed class BindingDirectiveFilter(IReadOnlySet<string> directives) : DefaultSchemaFilter
{
    public override Task<bool> AllowDirective(Directive directive) =>
        directives.Contains(directive.Name) ? Forbidden : base.AllowDirective(directive);

    public override Task<bool> AllowType(IGraphType type) =>
        BindingDirectives.TypeNames.Contains(type.Name) ? Forbidden : base.AllowType(type);
}
