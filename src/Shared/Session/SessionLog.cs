using Microsoft.Extensions.Logging;

namespace Bff.Session;

/// <summary>Log messages of web session mode (event ids 8110-8129; the store uses 8101-8109).</summary>
internal static partial class SessionLog
{
    [LoggerMessage(EventId = LogEventIds.Session + 10, Level = LogLevel.Information,
        Message = "Web session mode on: login at {BasePath}/login, sessions kept in {Store}; cookie requests must carry the {CsrfHeader} header")]
    public static partial void Enabled(ILogger logger, string basePath, string store, string csrfHeader);

    [LoggerMessage(EventId = LogEventIds.Session + 11, Level = LogLevel.Information, Message = "Session started for {Subject} (store: {Store})")]
    public static partial void SignedIn(ILogger logger, string subject, string store);

    [LoggerMessage(EventId = LogEventIds.Session + 12, Level = LogLevel.Information, Message = "Session ended for {Subject}")]
    public static partial void SignedOut(ILogger logger, string subject);

    [LoggerMessage(EventId = LogEventIds.Session + 13, Level = LogLevel.Warning, Message = "Login failed at the callback: {Reason}")]
    public static partial void LoginFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEventIds.Session + 14, Level = LogLevel.Warning, Message = "Token refresh failed for {Subject} ({Reason}): the session ends")]
    public static partial void RefreshFailed(ILogger logger, string subject, string reason);

    [LoggerMessage(EventId = LogEventIds.Session + 15, Level = LogLevel.Information, Message = "Back-channel logout ended {Count} session(s) (sub: {Subject}, sid: {Sid})")]
    public static partial void BackChannelLogout(ILogger logger, int count, string? subject, string? sid);

    [LoggerMessage(EventId = LogEventIds.Session + 16, Level = LogLevel.Warning, Message = "Back-channel logout token refused: {Reason}")]
    public static partial void LogoutTokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEventIds.Session + 17, Level = LogLevel.Debug, Message = "Access token refreshed for {Subject}")]
    public static partial void Refreshed(ILogger logger, string subject);
}
