using Bff.Limits;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;

namespace Bff.Http;

/// <summary>
/// Gives each execution the gateway's validation rules. For a document from the <see cref="Documents.DocumentCache"/>,
/// only the rules that depend on variables or the request (cancellation, cost) run: a cached document already passed
/// every other rule. When its operation declares no variables, its cost is known from the first request and within
/// the limit, no rule runs at all (no walk of the document; arguments are still parsed). The lists are composed once;
/// GraphQL.NET's <c>AddValidationRule</c> would append each rule to them again on every request. Rules others add with
/// <c>AddValidationRule</c> still run, before the gateway's.
/// </summary>
internal sealed class CachedDocumentValidation(
    CancellationRule cancellation, IntrospectionRule introspection, OperationLimitsRule limits, CostLimitRule cost, Incremental.StreamDirectiveRule stream,
    CostModel costs)
    : IConfigureExecution
{
    private readonly IValidationRule[] _ours = [cancellation, introspection, limits, cost, stream];
    private readonly IValidationRule[] _all = [.. DocumentValidator.CoreRules, cancellation, introspection, limits, cost, stream];
    private readonly IValidationRule[] _cached = [cancellation, cost];

    public float SortOrder => 10_000;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var fromCache = options.UserContext is BffRequestContext { DocumentFromCache: true };
        var settled = fromCache && KnownWithinLimit(options);
        options.ValidationRules = (fromCache, options.ValidationRules, options.CachedDocumentValidationRules) switch
        {
            (true, _, null) => settled ? [] : _cached,
            (true, _, { } added) => settled ? added : [.. added, .. _cached],
            (false, null, _) => _all,
            (false, { } added, _) => [.. added, .. _ours],
        };
        return next(options);
    }

    // Nothing left to check: no cost limit, or a constant cost measured before and within it.
    private bool KnownWithinLimit(ExecutionOptions options) =>
        costs.Options.MaxCost <= 0
        || (options.Document is { } document
            && Operations.OperationSelection.Select(document, options.OperationName) is { } operation
            && costs.TryGetConstant(operation, out var shape)
            && shape.Cost <= costs.Options.MaxCost);
}
