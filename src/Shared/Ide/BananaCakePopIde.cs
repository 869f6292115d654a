using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Net.Http.Headers;

namespace Bff.Ide;

/// <summary>
/// Serves the self-hosted Banana Cake Pop GraphQL IDE under the GraphQL path, offline, from the static
/// files the build restores from npm into <c>bcp/</c> beside the application's binaries.
/// </summary>
/// <remarks>
/// <para>For a GraphQL path <c>/graphql</c>, on <c>GET</c> and <c>HEAD</c>:</para>
/// <list type="bullet">
/// <item><c>/graphql</c> asking for HTML: a redirect to <c>/graphql/</c>, so that the page's relative asset URLs resolve.</item>
/// <item><c>/graphql/</c> asking for HTML: the IDE's <c>index.html</c> (a 404 text when the assets were not restored).</item>
/// <item><c>/graphql/bcp-config.json</c>: the IDE's configuration, built from <see cref="BananaCakePopOptions"/>.</item>
/// <item><c>/graphql/{file}</c>: that static file, when it exists.</item>
/// </list>
/// <para>Everything else is declined and left to the GraphQL endpoint (POST, and GET asking for JSON).</para>
/// </remarks>
public static class BananaCakePopIde
{
    /// <summary>The folder, beside the application's binaries, the build copies the IDE's static files to.</summary>
    public const string AssetsFolderName = "bcp";

    /// <summary>The name of the IDE's configuration file, fetched relative to the IDE page.</summary>
    public const string ConfigFileName = "bcp-config.json";

    private const string IndexFileName = "index.html";

    private const string AssetsMissingMessage =
        "The Banana Cake Pop GraphQL IDE assets were not restored: bcp/index.html is missing beside the application. " +
        "They are restored from npm when the application is built (src/Shared/Ide/Ide.targets runs `npm ci`); " +
        "build it with npm available.\n";

    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypeProvider();

    private static int assetsMissingLogged;

    /// <summary>Gets the folder the IDE's static files are served from.</summary>
    /// <param name="options">The IDE options.</param>
    /// <returns>
    /// The absolute path of <see cref="BananaCakePopOptions.AssetsDirectory"/>, or of <c>bcp</c> under
    /// <see cref="AppContext.BaseDirectory"/> when it is not set.
    /// </returns>
    public static string GetAssetsDirectory(BananaCakePopOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(options.AssetsDirectory)
            ? Path.Combine(AppContext.BaseDirectory, AssetsFolderName)
            : Path.Combine(AppContext.BaseDirectory, options.AssetsDirectory));
    }

    /// <summary>Tells whether the IDE's static files are there (the build restored them).</summary>
    /// <param name="options">The IDE options.</param>
    /// <returns><see langword="true"/> when <c>index.html</c> exists in <see cref="GetAssetsDirectory"/>.</returns>
    public static bool AssetsAvailable(BananaCakePopOptions options) =>
        File.Exists(Path.Combine(GetAssetsDirectory(options), IndexFileName));

    /// <summary>
    /// Tells whether a request asks for an HTML page rather than a GraphQL response: its <c>Accept</c> header
    /// names <c>text/html</c> with a quality above that of <c>application/json</c> and
    /// <c>application/graphql-response+json</c> (a browser's navigation does; GraphQL clients do not).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> when the request prefers <c>text/html</c>.</returns>
    public static bool IsHtmlRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IList<MediaTypeHeaderValue> accept;
        try
        {
            accept = request.GetTypedHeaders().Accept;
        }
        catch (FormatException)
        {
            return false;
        }

        double html = 0, json = 0;
        foreach (var mediaType in accept)
        {
            var quality = mediaType.Quality ?? 1.0;
            if (mediaType.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.MediaType.Equals("application/graphql-response+json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }

        return html > 0 && html > json;
    }

    /// <summary>
    /// Serves the request when it is one for the IDE under <paramref name="path"/> (see the remarks on
    /// <see cref="BananaCakePopIde"/>); declines it otherwise, writing nothing.
    /// </summary>
    /// <remarks>
    /// The GraphQL endpoint mapped at <paramref name="path"/> calls this first for <c>GET</c> requests, since a
    /// route <c>/graphql</c> also matches <c>/graphql/</c>: the IDE's page requests reach the GraphQL endpoint,
    /// not the route <see cref="Microsoft.AspNetCore.Builder.BananaCakePopEndpointRouteBuilderExtensions.MapBananaCakePop"/> maps.
    /// </remarks>
    /// <param name="context">The HTTP context.</param>
    /// <param name="path">The GraphQL path, e.g. <c>/graphql</c>.</param>
    /// <param name="options">The IDE options.</param>
    /// <returns>
    /// <see langword="true"/> when the response was written (the page, a redirect, an asset, the configuration,
    /// or the 404 text saying the assets were not restored); <see langword="false"/> when the request is not for
    /// the IDE or the IDE is disabled.
    /// </returns>
    public static async Task<bool> TryServeAsync(HttpContext context, string path, BananaCakePopOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var basePath = NormalizePath(path);

        var request = context.Request;
        if (!options.Enabled
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !request.Path.StartsWithSegments(basePath, out var remaining))
        {
            return false;
        }

        // "/graphql": the page's URLs (static/js/…, ./service-worker.js, bcp-config.json) are relative, so the
        // IDE must be loaded from "/graphql/".
        if (!remaining.HasValue)
        {
            if (!IsHtmlRequest(request))
            {
                return false;
            }

            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = (request.PathBase + basePath + "/" + request.QueryString).ToString();
            context.Response.Headers.CacheControl = "no-cache";
            return true;
        }

        var relative = remaining.Value!.Substring(1);
        if (relative.Length == 0)
        {
            if (!IsHtmlRequest(request))
            {
                return false;
            }

            relative = IndexFileName;
        }

        if (relative == ConfigFileName)
        {
            await WriteConfigAsync(context, options).ConfigureAwait(false);
            return true;
        }

        var directory = GetAssetsDirectory(options);
        var file = ResolveFile(directory, relative);
        if (file is null)
        {
            if (relative != IndexFileName)
            {
                return false;
            }

            await WriteAssetsMissingAsync(context, directory, basePath).ConfigureAwait(false);
            return true;
        }

        await WriteFileAsync(context, file, relative).ConfigureAwait(false);
        return true;
    }

    /// <summary>Builds the body of <c>bcp-config.json</c> from the options.</summary>
    /// <param name="options">The IDE options.</param>
    /// <returns>The UTF-8 JSON, e.g. <c>{"useBrowserUrlAsEndpoint":true,"disableTelemetry":true,"title":"Bff"}</c>.</returns>
    internal static byte[] CreateConfigJson(BananaCakePopOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("useBrowserUrlAsEndpoint", true);
            writer.WriteBoolean("disableTelemetry", options.DisableTelemetry);
            writer.WriteString("title", options.Title);
            if (options.IncludeCookies is { } includeCookies)
            {
                writer.WriteBoolean("includeCookies", includeCookies);
            }

            if (options.Document is { } document)
            {
                writer.WriteString("graphQLDocument", document);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Normalizes a GraphQL path: leading slash required, trailing slashes dropped (<c>/</c> becomes empty).</summary>
    /// <param name="path">The path, e.g. <c>/graphql</c>.</param>
    /// <returns>The path as a <see cref="PathString"/>.</returns>
    internal static PathString NormalizePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"The IDE path must start with '/' (got '{path}').", nameof(path));
        }

        return new PathString(path.TrimEnd('/'));
    }

    internal static void LogIfAssetsMissing(ILogger logger, string path, BananaCakePopOptions options)
    {
        var directory = GetAssetsDirectory(options);
        if (!File.Exists(Path.Combine(directory, IndexFileName)))
        {
            if (Interlocked.Exchange(ref assetsMissingLogged, 1) == 0)
            {
                BananaCakePopLog.AssetsMissing(logger, Path.Combine(directory, IndexFileName), path);
            }
        }
        else
        {
            BananaCakePopLog.Mapped(logger, path, directory);
        }
    }

    /// <summary>Maps a relative URL path to a file inside the assets folder, or null (missing, or outside it).</summary>
    private static string? ResolveFile(string directory, string relative)
    {
        if (relative.Contains('\\', StringComparison.Ordinal) || relative.Contains(':', StringComparison.Ordinal) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var segment in relative.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return null;
            }
        }

        var root = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    private static async Task WriteConfigAsync(HttpContext context, BananaCakePopOptions options)
    {
        var body = CreateConfigJson(options);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task WriteAssetsMissingAsync(HttpContext context, string directory, PathString basePath)
    {
        var logger = context.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(BananaCakePopLog.Category) ?? NullLogger.Instance;
        if (Interlocked.Exchange(ref assetsMissingLogged, 1) == 0)
        {
            BananaCakePopLog.AssetsMissing(logger, Path.Combine(directory, IndexFileName), basePath.Value ?? "");
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = "text/plain; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.WriteAsync(AssetsMissingMessage, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task WriteFileAsync(HttpContext context, string file, string relative)
    {
        string? contentType;
        if (Path.GetExtension(file).Length == 0)
        {
            contentType = "text/plain; charset=utf-8"; // LICENSE
        }
        else if (!ContentTypes.TryGetContentType(file, out contentType))
        {
            contentType = "application/octet-stream";
        }

        var info = new FileInfo(file);
        var lastModified = new DateTimeOffset(info.LastWriteTimeUtc);
        var etag = new EntityTagHeaderValue($"\"{info.Length:x}-{lastModified.UtcTicks:x}\"");

        // Hashed bundles never change under the same name; the page, the service worker and the manifests do.
        context.Response.Headers.CacheControl = relative.StartsWith("static/", StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";

        return TypedResults.PhysicalFile(file, contentType, lastModified: lastModified, entityTag: etag).ExecuteAsync(context);
    }

    private static FileExtensionContentTypeProvider CreateContentTypeProvider()
    {
        var provider = new FileExtensionContentTypeProvider();
        var mappings = provider.Mappings;

        // The IDE's service worker unregisters itself and reloads the page unless its script is served as JavaScript.
        mappings[".js"] = "application/javascript";
        mappings[".mjs"] = "application/javascript";
        mappings[".css"] = "text/css";
        mappings[".html"] = "text/html; charset=utf-8";
        mappings[".json"] = "application/json";
        mappings[".webmanifest"] = "application/manifest+json";
        mappings[".ico"] = "image/x-icon";
        mappings[".svg"] = "image/svg+xml";
        mappings[".png"] = "image/png";
        mappings[".woff2"] = "font/woff2";
        mappings[".woff"] = "font/woff";
        mappings[".ttf"] = "font/ttf";
        mappings[".txt"] = "text/plain; charset=utf-8";
        mappings[".map"] = "application/json";
        return provider;
    }
}
