using Microsoft.Extensions.Logging;

namespace Bff.Hosting;

/// <summary>Log messages of host start-up.</summary>
internal static partial class BffHostingLog
{
    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "{Name} serves GraphQL at {Path} with {Bindings} bound fields over {Sources} sources")]
    public static partial void Started(ILogger logger, string name, string path, int bindings, int sources);
}
