using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bff.Samples.Common;

/// <summary>Builds the isolated, quiet Kestrel host every demo service runs on.</summary>
public static class SampleHost
{
    /// <summary>
    /// Creates a web application builder listening on <paramref name="url"/>, with snake_case JSON,
    /// Warning-level logging, and no configuration read from files or the environment: the services run
    /// in-process beside the gateway's tests, whose <c>appsettings.json</c> and <c>ASPNETCORE_*</c>
    /// variables must not leak into them.
    /// </summary>
    /// <param name="url">
    /// Where to listen, e.g. <c>http://127.0.0.1:0</c> (a free port) or <c>http://localhost:5301</c>.
    /// </param>
    /// <param name="applicationName">The service's assembly name.</param>
    /// <returns>A builder the service adds its own services to.</returns>
    public static WebApplicationBuilder CreateBuilder(string url, string applicationName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = applicationName,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;

            // Readable names ("Chloé", "·") instead of \u escapes; the bodies are JSON, never HTML.
            options.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        return builder;
    }

    /// <summary>Maps <c>GET /health</c>, answering <c>{"status":"healthy"}</c>.</summary>
    /// <param name="app">The service's application.</param>
    public static void MapSampleHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", () => new HealthStatus("healthy"));
    }

    private sealed record HealthStatus(string Status);
}
