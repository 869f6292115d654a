using Microsoft.Extensions.Logging;

namespace Bff.Ide;

/// <summary>Log messages of the Banana Cake Pop IDE.</summary>
internal static partial class BananaCakePopLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "Bff.Ide.BananaCakePop";

    [LoggerMessage(EventId = LogEventIds.Ide + 1, EventName = "IdeAssetsMissing", Level = LogLevel.Warning,
        Message = "The Banana Cake Pop IDE assets were not restored: {IndexFile} does not exist, so GET {Path}/ answers 404. " +
                  "They are restored with npm when src/Shared is built (src/Shared/Ide/Ide.targets).")]
    public static partial void AssetsMissing(ILogger logger, string indexFile, string path);

    [LoggerMessage(EventId = LogEventIds.Ide + 2, EventName = "IdeMapped", Level = LogLevel.Debug,
        Message = "Banana Cake Pop IDE served at {Path}/ from {AssetsDirectory}.")]
    public static partial void Mapped(ILogger logger, string path, string assetsDirectory);
}
