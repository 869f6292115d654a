using Bff.Limits;
using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;

namespace Bff.Http;

/// <summary>
/// Gives each execution the gateway's validation rules. For a document from the <see cref="Documents.DocumentCache"/>,
/// only the rules that depend on variables or the request (cancellation, cost) run: a cached document already passed
/// every other rule. The lists are composed once; GraphQL.NET's <c>AddValidationRule</c> would append each rule to them
/// again on every request. Rules others add with <c>AddValidationRule</c> still run, before the gateway's.
/// </summary>
internal sealed class CachedDocumentValidation(CancellationRule cancellation, IntrospectionRule introspection, OperationLimitsRule limits, CostLimitRule cost)
    : IConfigureExecution
{
    private readonly IValidationRule[] _ours = [cancellation, introspection, limits, cost];
    private readonly IValidationRule[] _all = [.. DocumentValidator.CoreRules, cancellation, introspection, limits, cost];
    private readonly IValidationRule[] _cached = [cancellation, cost];

    public float SortOrder => 10_000;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var fromCache = options.UserContext is BffRequestContext { DocumentFromCache: true };
        options.ValidationRules = (fromCache, options.ValidationRules, options.CachedDocumentValidationRules) switch
        {
            (true, _, null) => _cached,
            (true, _, { } added) => [.. added, .. _cached],
            (false, null, _) => _all,
            (false, { } added, _) => [.. added, .. _ours],
        };
        return next(options);
    }
}
