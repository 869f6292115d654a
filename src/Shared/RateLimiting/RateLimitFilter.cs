using Bff.Operations;
using Bff.Limits;
using Bff.Documents;
using System.Globalization;
using Bff.Caching;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bff.RateLimiting;

/// <summary>
/// Applies the rate-limit policies of one kind to every operation: request policies on arrival (before anything is
/// parsed), cost policies once the document is known (after persisted-query lookup). A refused operation gets 429 with
/// <c>Retry-After</c> and a <c>RATE_LIMITED</c> error; every answer carries <c>RateLimit-*</c> headers of the tightest policy.
/// </summary>
public sealed class RateLimitFilter : IGraphQLOperationFilter
{
    private readonly RateLimitKind _kind;
    private readonly KeyValuePair<string, RateLimitPolicyOptions>[] _policies;
    private readonly GcraRateLimiter _limiter;
    private readonly ClientPartition _partition;
    private readonly int _maxCost;
    private readonly IOperationCostCalculator _costs;
    private readonly DocumentParser _parser;
    private readonly ILogger<RateLimitFilter> _logger;

    /// <summary>Creates the filter for the policies of <paramref name="kind"/>.</summary>
    public RateLimitFilter(RateLimitKind kind, RateLimitingOptions options, GcraRateLimiter limiter, ClientPartition partition, IOperationCostCalculator costs,
        DocumentParser parser, LimitOptions limits, ILogger<RateLimitFilter> logger)
    {
        _maxCost = limits.MaxCost;
        _logger = logger;
        _kind = kind;
        _policies = options.Enabled ? options.Policies.Where(p => p.Value.Kind == kind).OrderBy(p => p.Key, StringComparer.Ordinal).ToArray() : [];
        _limiter = limiter;
        _partition = partition;
        _costs = costs;
        _parser = parser;
    }

    /// <inheritdoc />
    public int Order => _kind == RateLimitKind.Requests ? FilterOrder.RequestRateLimit : FilterOrder.CostRateLimit;

    /// <inheritdoc />
    public async ValueTask<GraphQLOperationOutcome?> BeforeExecuteAsync(GraphQLOperationContext context)
    {
        if (_policies.Length == 0)
        {
            return null;
        }

        var http = context.HttpContext;
        var partition = _partition.Of(http);
        var cost = _kind == RateLimitKind.Requests ? 1 : CostOf(context);
        if (_kind == RateLimitKind.Cost && _maxCost > 0 && cost > _maxCost)
        {
            // Validation refuses it with MAX_COST_EXCEEDED; charging it would only answer "retry later" to a request
            // that can never succeed.
            return null;
        }

        foreach (var (name, policy) in _policies)
        {
            if (cost > policy.Capacity)
            {
                CacheControlFilter.MarkNotStorable(http);
                return GraphQLOperationOutcomes.Error(StatusCodes.Status400BadRequest, ErrorCodes.RateLimited,
                    $"This operation costs {cost}, more than rate-limit policy '{name}' ever allows at once ({policy.Capacity}): ask for less.",
                    new Dictionary<string, object?> { ["policy"] = name, ["cost"] = cost });
            }

            var decision = await _limiter.AcquireAsync(name, policy, partition, cost).ConfigureAwait(false);
            Report(http, decision);
            if (!decision.Allowed)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                RateLimitingLog.Refused(_logger, name, partition, seconds);
                CacheControlFilter.MarkNotStorable(http);
                return GraphQLOperationOutcomes.Error(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                    $"Rate limit '{name}' exceeded: retry after {seconds} s.",
                    new Dictionary<string, object?> { ["policy"] = name, ["retryAfter"] = seconds });
            }
        }

        return null;
    }

    /// <inheritdoc />
    public ValueTask AfterExecuteAsync(GraphQLOperationContext context, ExecutionResult result) => ValueTask.CompletedTask;

    private static void Report(HttpContext http, RateLimitDecision decision)
    {
        if (decision.Allowed && http.Features.Get<RateLimitDecision>() is { } tighter
            && (!tighter.Allowed || tighter.Headroom <= decision.Headroom))
        {
            return;
        }

        http.Features.Set(decision);
        var headers = http.Response.Headers;
        headers["RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = ((long)Math.Ceiling(decision.ResetAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"{decision.Limit};w={(long)Math.Ceiling(decision.Window.TotalSeconds)};name=\"{decision.Policy}\"");
    }

    // The document execution runs (parsed once, after the token guard); a refused one costs 1 here and execution reports why.
    private int CostOf(GraphQLOperationContext context)
    {
        var request = context.Request;
        return !string.IsNullOrWhiteSpace(request.Query) && _parser.Parse(context).Document is { } document
            ? _costs.Calculate(document, request.OperationName, request.Variables)
            : 1;
    }
}
