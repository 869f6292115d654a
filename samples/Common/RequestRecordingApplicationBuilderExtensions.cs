using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;

namespace Bff.Samples.Common;

/// <summary>Adds the request log and the fault hooks to a REST demo service's pipeline.</summary>
public static class RequestRecordingApplicationBuilderExtensions
{
    /// <summary>
    /// Records every request in <paramref name="log"/> under <c>"{METHOD} {route template}"</c>, then,
    /// except for <c>/health</c>, applies <paramref name="faults"/>. Call after <c>UseRouting</c>.
    /// </summary>
    /// <param name="app">The service's application.</param>
    /// <param name="log">Where requests are recorded.</param>
    /// <param name="faults">The fault hooks to apply.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    public static IApplicationBuilder UseRequestRecording(this IApplicationBuilder app, RequestLog log, HttpFaults faults)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(faults);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? request.Path.Value;
            log.Record(new RecordedRequest(
                $"{request.Method} {route}",
                request.Method,
                request.GetEncodedPathAndQuery(),
                HeaderOrNull(request, RecordedRequest.AuthorizationHeader),
                HeaderOrNull(request, RecordedRequest.AcceptLanguageHeader),
                HeaderOrNull(request, RecordedRequest.CorrelationIdHeader),
                TraceParent: HeaderOrNull(request, RecordedRequest.TraceParentHeader)));

            if (!request.Path.StartsWithSegments("/health") && !await ApplyFaultsAsync(context, faults))
            {
                return;
            }

            await next(context);
        });
    }

    /// <returns><see langword="true"/> when the request should go on to its endpoint.</returns>
    private static async Task<bool> ApplyFaultsAsync(HttpContext context, HttpFaults faults)
    {
        if (faults.Delay is var delay && delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return false;
            }
        }

        if (faults.FailWithStatus is { } status)
        {
            await SampleResults.Problem(status, "Fault injected by the demo service.").ExecuteAsync(context);
            return false;
        }

        return true;
    }

    private static string? HeaderOrNull(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
