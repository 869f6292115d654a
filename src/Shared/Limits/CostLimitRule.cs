using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>
/// Refuses operations whose static cost is over <see cref="LimitOptions.MaxCost"/> (<c>MAX_COST_EXCEEDED</c>). The cost
/// depends on variables (page sizes), so it is checked for cached documents too.
/// </summary>
internal sealed class CostLimitRule(CostModel costs) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        costs.Options.MaxCost <= 0
            ? default
            : new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
            {
                if (operation != ctx.Operation)
                {
                    return;
                }

                var max = costs.Options.MaxCost;
                var shape = costs.Measure(ctx.Schema, ctx.Document, operation, ctx.Variables);
                if (shape.Cost > max)
                {
                    ctx.ReportError(new BffValidationError(ctx.Document.Source.ToString(), ErrorCodes.MaxCostExceeded,
                        $"The operation's cost is {Math.Ceiling(shape.Cost)}; the limit is {max}. Ask for smaller pages or fewer nested lists.",
                        operation, LimitErrors.Extensions(max, shape.Cost)));
                }
            }));
}
