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
/// Applies the rate-limit policies to every operation. With a cost policy configured, every policy (request counts
/// too) is charged once the document is known (after trusted-document and persisted-query lookup), all in one Redis
/// round trip and all or nothing; without one, request policies are charged on arrival, before anything is parsed. A refused operation gets 429 with
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
        // With cost policies configured, every policy is charged once the cost is known, in one Redis round trip
        // (the requests-kind filter then has nothing to do); without them, request policies are charged on arrival.
        var policies = options.Enabled ? options.Policies.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray() : [];
        var withCost = policies.Any(p => p.Value.Kind == RateLimitKind.Cost);
        _policies = (kind, withCost) switch
        {
            (RateLimitKind.Requests, false) or (RateLimitKind.Cost, true) => policies,
            _ => [],
        };
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
        // Over MaxCost, validation refuses it with MAX_COST_EXCEEDED; charging its cost would only answer "retry later"
        // to a request that can never succeed. It still counts as a request.
        var overMax = _kind == RateLimitKind.Cost && _maxCost > 0 && cost > _maxCost;
        var charges = new List<RateLimitCharge>(_policies.Length);
        foreach (var (name, policy) in _policies)
        {
            if (policy.Kind == RateLimitKind.Requests || !overMax)
            {
                charges.Add(new(name, policy, policy.Kind == RateLimitKind.Cost ? cost : 1));
            }
        }

        if (charges.Find(c => c.Cost > c.Policy.Capacity) is { Name: { } tooCostly } refusedAtOnce)
        {
            CacheControlFilter.MarkNotStorable(http);
            return GraphQLOperationOutcomes.Error(StatusCodes.Status400BadRequest, ErrorCodes.RateLimited,
                $"This operation costs {cost}, more than rate-limit policy '{tooCostly}' ever allows at once ({refusedAtOnce.Policy.Capacity}): ask for less.",
                new Dictionary<string, object?> { ["policy"] = tooCostly, ["cost"] = cost });
        }

        if (charges.Count == 0)
        {
            return null;
        }

        var decisions = await _limiter.AcquireAsync(charges, partition).ConfigureAwait(false);
        foreach (var decision in decisions)
        {
            Report(http, decision);
        }

        if (Array.Find(decisions, d => !d.Allowed) is { } refused)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            RateLimitingLog.Refused(_logger, refused.Policy, partition, seconds);
            CacheControlFilter.MarkNotStorable(http);
            return GraphQLOperationOutcomes.Error(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                $"Rate limit '{refused.Policy}' exceeded: retry after {seconds} s.",
                new Dictionary<string, object?> { ["policy"] = refused.Policy, ["retryAfter"] = seconds });
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
