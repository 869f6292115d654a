using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff.Limits;

/// <summary>
/// Stops validation when the request's token is cancelled (the client left, the request budget ran out, the host is
/// stopping). GraphQL.NET's validator does not look at the token itself, so a large document would otherwise hold a
/// core until every rule has visited every node. Runs for cached documents too.
/// </summary>
internal sealed class CancellationRule : ValidationRuleBase
{
    private static readonly INodeVisitor Visitor = new CancellationVisitor();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        context.CancellationToken.CanBeCanceled ? new(Visitor) : default;

    private sealed class CancellationVisitor : INodeVisitor
    {
        public ValueTask EnterAsync(ASTNode node, ValidationContext context)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            return default;
        }

        public ValueTask LeaveAsync(ASTNode node, ValidationContext context) => default;
    }
}
