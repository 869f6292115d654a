namespace Bff.Hosting;

/// <summary>
/// Checks the host's options that are not about sources or contracts. Its problems are reported together with the
/// binding and contract problems in one <see cref="Stitching.BffConfigurationException"/>, each naming its key.
/// </summary>
public static class BffOptionsValidator
{
    /// <summary>Gets every problem of <paramref name="options"/>, one message each.</summary>
    public static IEnumerable<string> Validate(BffOptions options, string configurationFile = "appsettings.json")
    {
        if (!options.Path.StartsWith('/') || options.Path.Length < 2 || options.Path.EndsWith('/'))
        {
            yield return $"{configurationFile}: Bff:Path: '{options.Path}' must start with '/' and not end with '/' (e.g. /graphql).";
        }

        var http = options.Http;
        if (http.MaxRequestBodyBytes < 1024)
        {
            yield return $"{configurationFile}: Bff:Http:MaxRequestBodyBytes: {http.MaxRequestBodyBytes} is too small (at least 1024).";
        }

        if (http.MaxBatchOperations < 1)
        {
            yield return $"{configurationFile}: Bff:Http:MaxBatchOperations: must be at least 1.";
        }

        if (http.ShutdownTimeout < TimeSpan.Zero || http.ShutdownTimeout > TimeSpan.FromMinutes(10))
        {
            yield return $"{configurationFile}: Bff:Http:ShutdownTimeout: must be between 0 and 10 minutes (is {http.ShutdownTimeout}).";
        }

        if (http.DocumentCacheSize < 0)
        {
            yield return $"{configurationFile}: Bff:Http:DocumentCacheSize: must not be negative.";
        }

        if (options.Sources.Count == 0)
        {
            yield return $"{configurationFile}: Bff:Sources: no downstream source is configured.";
        }
    }
}
