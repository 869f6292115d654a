using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>
/// Refuses operations nested too deeply (<c>MAX_DEPTH_EXCEEDED</c>), with too many aliases
/// (<c>MAX_ALIASES_EXCEEDED</c>) or with introspection lists nested too deeply. These depend on the document only,
/// so a cached document is not checked again.
/// </summary>
internal sealed class OperationLimitsRule(CostModel costs) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
        {
            if (operation != ctx.Operation)
            {
                return;
            }

            var limits = costs.Options;
            var shape = costs.Measure(ctx.Schema, ctx.Document, operation, ctx.Variables);
            var query = ctx.Document.Source.ToString();
            if (limits.MaxDepth > 0 && shape.Depth > limits.MaxDepth)
            {
                ctx.ReportError(new BffValidationError(query, ErrorCodes.MaxDepthExceeded,
                    $"The operation is nested {shape.Depth} levels deep; the limit is {limits.MaxDepth}.", operation,
                    LimitErrors.Extensions(limits.MaxDepth, shape.Depth)));
            }

            if (limits.MaxIntrospectionListDepth > 0 && shape.IntrospectionListDepth > limits.MaxIntrospectionListDepth)
            {
                ctx.ReportError(new BffValidationError(query, ErrorCodes.MaxDepthExceeded,
                    $"Introspection lists are nested {shape.IntrospectionListDepth} levels deep; the limit is {limits.MaxIntrospectionListDepth}.",
                    operation, LimitErrors.Extensions(limits.MaxIntrospectionListDepth, shape.IntrospectionListDepth)));
            }

            if (limits.MaxAliases > 0 && shape.Aliases > limits.MaxAliases)
            {
                ctx.ReportError(new BffValidationError(query, ErrorCodes.MaxAliasesExceeded,
                    $"The operation has {shape.Aliases} aliases; the limit is {limits.MaxAliases}.", operation,
                    LimitErrors.Extensions(limits.MaxAliases, shape.Aliases)));
            }
        }));
}
