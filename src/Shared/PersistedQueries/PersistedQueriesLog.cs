using Microsoft.Extensions.Logging;

namespace Bff.PersistedQueries;

/// <summary>Log messages of persisted queries and trusted documents.</summary>
internal static partial class PersistedQueriesLog
{
    [LoggerMessage(EventId = LogEventIds.PersistedQueries + 1, Level = LogLevel.Information, Message = "Trusted documents {Mode}: {Count} operations from {Manifests}")]
    public static partial void TrustedDocumentsLoaded(ILogger logger, TrustedDocumentMode mode, int count, string manifests);

    [LoggerMessage(EventId = LogEventIds.PersistedQueries + 2, Level = LogLevel.Debug, Message = "Persisted query {Hash} registered")]
    public static partial void Registered(ILogger logger, string hash);
}
