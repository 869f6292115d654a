using Microsoft.Extensions.Logging;

namespace Bff.Hosting;

/// <summary>Log messages of host start-up.</summary>
internal static partial class BffHostingLog
{
    [LoggerMessage(EventId = LogEventIds.Hosting + 2, Level = LogLevel.Information, Message = "{Name} serves GraphQL at {Path} with {Bindings} bound fields over {Sources} sources")]
    public static partial void Started(ILogger logger, string name, string path, int bindings, int sources);

    [LoggerMessage(EventId = LogEventIds.Hosting + 5, Level = LogLevel.Information, Message = "Traces, metrics and logs are exported over OTLP ({Protocol}) to {Endpoint}")]
    public static partial void OtlpExport(ILogger logger, string protocol, string endpoint);

    [LoggerMessage(EventId = LogEventIds.Hosting + 6, Level = LogLevel.Information, Message = "Telemetry export is off: set OTEL_EXPORTER_OTLP_ENDPOINT to send traces, metrics and logs to a collector")]
    public static partial void OtlpExportOff(ILogger logger);
}
