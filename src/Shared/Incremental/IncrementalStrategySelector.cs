using Bff.Stitching.Execution;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;
using GraphQLParser.AST;

namespace Bff.Incremental;

/// <summary>
/// Picks <see cref="IncrementalExecutionStrategy"/> for a query offered incremental delivery, GraphQL.NET's default
/// otherwise: without a <c>multipart/mixed</c> request, or for a mutation, the directives change nothing.
/// </summary>
internal sealed class IncrementalStrategySelector(IEnumerable<ExecutionStrategyRegistration> registrations)
    : DefaultExecutionStrategySelector(registrations)
{
    public override IExecutionStrategy Select(ExecutionContext context) =>
        context.Operation.Operation == OperationType.Query
        && context.UserContext is BffRequestContext request && request.Features.Find<IncrementalRequest>()?.Delivery is { } delivery
            ? new IncrementalExecutionStrategy(delivery)
            : base.Select(context);
}
