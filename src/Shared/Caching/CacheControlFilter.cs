using Bff.Operations;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bff.Caching;

/// <summary>
/// Before execution, puts the request's vary headers into the operation's cache key; after it, sets the response's
/// <c>Cache-Control</c> from the policies of the calls made: the shortest freshness left, <c>private</c> when any data
/// was per-caller or the caller is authenticated, <c>no-store</c> when any call had no policy, the result has errors,
/// or nothing was called. A batch gets the strictest value of its operations.
/// </summary>
public sealed class CacheControlFilter : IGraphQLOperationFilter
{
    private readonly CacheOptions _options;

    /// <summary>Creates the filter.</summary>
    public CacheControlFilter(CacheOptions options) => _options = options;

    /// <inheritdoc />
    public int Order => FilterOrder.CacheControl;

    /// <inheritdoc />
    public ValueTask<GraphQLOperationOutcome?> BeforeExecuteAsync(GraphQLOperationContext context)
    {
        var headers = context.HttpContext.Request.Headers;
        context.RequestContext.Features.Get<CacheHints>().VaryKey = string.Join('\n',
            _options.VaryHeaders.Select(name => name.ToLowerInvariant() + ":" + headers[name].ToString()));
        return ValueTask.FromResult<GraphQLOperationOutcome?>(null);
    }

    /// <inheritdoc />
    public ValueTask AfterExecuteAsync(GraphQLOperationContext context, ExecutionResult result)
    {
        var http = context.HttpContext;
        var value = CacheControlValue.From(context.RequestContext.Features.Get<CacheHints>(), result.Errors is { Count: > 0 },
            http.User.Identity?.IsAuthenticated == true);
        // Typed per-HTTP-request state: the operations of a batch share one response and its Cache-Control.
        if (http.Features.Get<CacheControlValue>() is { } earlier)
        {
            value = earlier.Combine(value);
        }

        http.Features.Set(value);
        Apply(http.Response, value, _options.VaryHeaders);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Marks a response that no cache may keep (an answer given instead of executing: a persisted-query miss, a
    /// refusal), with <paramref name="header"/> as its <c>Cache-Control</c>. Other operations of a batch cannot loosen it.
    /// </summary>
    public static void MarkNotStorable(HttpContext http, string header = "no-store")
    {
        http.Features.Set(CacheControlValue.DoNotStore);
        http.Response.Headers.CacheControl = header;
        http.Response.Headers.Remove(HeaderNames.Vary);
    }

    /// <summary>Sets <c>Cache-Control</c> (and <c>Vary</c> for a shareable response).</summary>
    public static void Apply(HttpResponse response, CacheControlValue value, IEnumerable<string> varyHeaders)
    {
        response.Headers.CacheControl = value.ToString();
        if (!value.NoStore)
        {
            response.Headers.Vary = string.Join(", ", varyHeaders.Append(HeaderNames.Authorization));
        }
        else
        {
            response.Headers.Remove(HeaderNames.Vary);
        }
    }
}
