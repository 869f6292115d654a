using Bff.Redis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Bff.Observability;

namespace Bff.Hosting;

/// <summary>
/// Exports traces, metrics and logs over OTLP, configured by the standard <c>OTEL_*</c> settings (environment
/// variables, or any other configuration source: the SDK reads them from <see cref="IConfiguration"/>). Off unless
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, so a host without a collector neither records nor retries anything.
/// </summary>
internal static class OtlpExport
{
    /// <summary>The setting that turns the export on.</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard setting of the service name; the host's application name when absent.</summary>
    public const string ServiceNameKey = "OTEL_SERVICE_NAME";

    /// <summary>Gets whether <paramref name="configuration"/> asks for the export.</summary>
    public static bool IsEnabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[EndpointKey]);

    /// <summary>Says at start-up where telemetry goes, or that it goes nowhere.</summary>
    public static void Log(IConfiguration configuration, ILogger logger)
    {
        if (IsEnabled(configuration))
        {
            var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
            Hosting.BffHostingLog.OtlpExport(logger, string.IsNullOrWhiteSpace(protocol) ? "grpc" : protocol, configuration[EndpointKey]!);
        }
        else
        {
            Hosting.BffHostingLog.OtlpExportOff(logger);
        }
    }

    /// <summary>Adds the export to <paramref name="services"/> when <paramref name="configuration"/> names an endpoint.</summary>
    public static void AddTo(IServiceCollection services, IConfiguration configuration, string applicationName)
    {
        if (!IsEnabled(configuration))
        {
            return;
        }

        var serviceName = string.IsNullOrWhiteSpace(configuration[ServiceNameKey]) ? applicationName : null;
        services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (serviceName is not null)
                {
                    resource.AddService(serviceName);
                }
            })
            .WithTracing(tracing => tracing
                .AddSource(BffTelemetry.Name)
                // Probes hit /health every few seconds on every replica: traces of them would bury the real ones.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                // REST and gRPC sources both go through their IHttpClientFactory client: a span and a traceparent per
                // request. Grpc.Net.Client starts its own activity around it, so the gRPC instrumentation must export
                // that one too, or the HTTP span's parent would be missing from the trace.
                .AddHttpClientInstrumentation()
                .AddGrpcClientInstrumentation()
                // Readiness probes PING Redis every few seconds, outside any traced request.
                .AddRedisInstrumentation(o => o.Filter = context => context.ProfiledCommand.Command != "PING")
                .ConfigureRedisInstrumentation((provider, redis) =>
                    provider.GetService<RedisStore>()?.OnConnected(connection => redis.AddConnection(connection))))
            .WithMetrics(metrics => metrics
                .AddMeter(BffTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithLogging()
            .UseOtlpExporter();
    }
}
