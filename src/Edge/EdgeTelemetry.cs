using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Bff.Edge;

/// <summary>
/// The front door's traces, metrics and logs over OTLP, configured by the standard <c>OTEL_*</c> settings and off
/// unless <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, as in the hosts. Its server span continues the client's
/// <c>traceparent</c>, and the request it forwards carries the front door's own span as the hosts' parent, so one trace
/// runs client → front door → host → downstream services.
/// </summary>
internal static class EdgeTelemetry
{
    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> is not set.</summary>
    public const string DefaultServiceName = "bff-edge";

    /// <summary>Adds the export to <paramref name="builder"/> when its configuration names an endpoint.</summary>
    public static void AddTo(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        var named = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (!named)
                {
                    resource.AddService(DefaultServiceName);
                }
            })
            .WithTracing(tracing => tracing
                // Probes of the front door, and its own active health checks of every replica each second, would bury
                // the real traces.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation(o => o.FilterHttpRequestMessage = request => !IsHealthCheck(request.RequestUri)))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging()
            .UseOtlpExporter();
    }

    private static bool IsHealthCheck(Uri? uri) =>
        uri is not null && uri.AbsolutePath.StartsWith("/health/", StringComparison.Ordinal);
}
