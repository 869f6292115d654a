using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>Refuses <c>__schema</c> and <c>__type</c> when introspection is off (<c>INTROSPECTION_DISABLED</c>); <c>__typename</c> stays.</summary>
internal sealed class IntrospectionRule(IntrospectionPolicy policy) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        policy.Allowed
            ? default
            : new(new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
            {
                if (field.Name.StringValue is "__schema" or "__type")
                {
                    ctx.ReportError(new BffValidationError(ctx.Document.Source.ToString(), ErrorCodes.IntrospectionDisabled,
                        "Introspection is disabled on this endpoint.", field));
                }
            }));
}
