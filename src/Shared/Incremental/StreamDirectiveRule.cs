using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.Incremental;

/// <summary>
/// Refuses <c>@stream</c> where it means nothing: on a field that is not a list, or with a negative literal
/// <c>initialCount</c> (as the incremental delivery RFC's validation does). Depends on the document only.
/// </summary>
internal sealed class StreamDirectiveRule : ValidationRuleBase
{
    private static readonly INodeVisitor Visitor = new MatchingNodeVisitor<GraphQLField>((field, context) =>
    {
        // Where the schema does not declare @stream, GraphQL.NET already refuses it as unknown.
        if (field.Directives?.Items.Find(d => d.Name.Value == IncrementalDirectives.Stream) is not { } stream
            || context.Schema.Directives.Find(IncrementalDirectives.Stream) is null)
        {
            return;
        }

        var query = context.Document.Source.ToString();
        if (context.TypeInfo.GetFieldDef()?.ResolvedType is { } type && (type is NonNullGraphType nonNull ? nonNull.ResolvedType : type) is not ListGraphType)
        {
            context.ReportError(new BffValidationError(query, ErrorCodes.ValidationFailed,
                $"@stream applies to list fields only; '{field.Name.StringValue}' is not a list.", stream));
        }

        if (stream.Arguments?.Items.Find(a => a.Name.Value == "initialCount")?.Value is GraphQLIntValue count
            && int.TryParse(count.Value.Span, out var initial) && initial < 0)
        {
            context.ReportError(new BffValidationError(query, ErrorCodes.ValidationFailed,
                $"@stream's initialCount must not be negative (is {initial}).", stream));
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
