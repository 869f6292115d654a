using Microsoft.Extensions.Logging;

namespace Bff.Stitching.Composition;

/// <summary>Log messages of the binding layer (event ids 3000–3099). Header names only: credential values are never logged.</summary>
internal static partial class StitchingLog
{
    [LoggerMessage(EventId = LogEventIds.Stitching + 1, Level = LogLevel.Warning,
        Message = "Source {Source}: operation {Operation} requires {Requirement} (OpenAPI security), but no configured credential of the source sends it; see Bff:Sources:{Source}:Auth:Credentials")]
    public static partial void CredentialMissing(ILogger logger, string source, string operation, string requirement);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Source {Source}: contract {Problem}")]
    public static partial void ContractWarning(ILogger logger, string source, string problem);
}
