namespace Bff.Edge;

/// <summary>Builds the front door: Kestrel with TLS (HTTP/1.1 and HTTP/2), HSTS, HTTP→HTTPS redirect and YARP.</summary>
public static class EdgeApplication
{
    /// <summary>Builds the application from <paramref name="args"/>, appsettings.json and environment variables.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--Kestrel:Endpoints:Https:Url=…</c>).</param>
    /// <param name="contentRoot">Where appsettings.json is; the current folder when null.</param>
    public static WebApplication Create(string[] args, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        builder.Services.AddOptions<EdgeOptions>().BindConfiguration(EdgeOptions.SectionName);
        builder.Services.AddSingleton<CanaryRouting>();
        builder.Services.AddSingleton<ConnectFailureRetry>();
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms<LocationPrefixTransform>();
        builder.Services.AddHsts(hsts => builder.Configuration.GetSection("Hsts").Bind(hsts));
        builder.Services.AddHttpsRedirection(redirect => builder.Configuration.GetSection("HttpsRedirection").Bind(redirect));
        EdgeTelemetry.AddTo(builder);

        if (!DevelopmentCertificate.IsConfigured(builder.Configuration))
        {
            var names = builder.Configuration.GetSection("Edge:DevelopmentCertificateNames").Get<string[]>() ?? [];
            var certificate = DevelopmentCertificate.Create(names);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
            builder.Services.AddHostedService(services => new StartupNotice(
                logger => EdgeLog.DevelopmentCertificate(logger, string.Join(", ", ["localhost", "127.0.0.1", "::1", .. names]), certificate.Thumbprint, certificate.NotAfter),
                services.GetRequiredService<ILogger<DevelopmentCertificate.Marker>>()));
        }

        var app = builder.Build();
        app.UseHsts();
        // Probes (container health checks) answer on plain HTTP; everything else is redirected to HTTPS.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        app.MapGet("/health/live", () => Results.Text("Healthy"));
        app.MapReverseProxy(proxy =>
        {
            var canary = proxy.ApplicationServices.GetRequiredService<CanaryRouting>();
            var retry = proxy.ApplicationServices.GetRequiredService<ConnectFailureRetry>();
            proxy.Use(canary.InvokeAsync);
            proxy.Use(retry.InvokeAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }

    private sealed class StartupNotice(Action<ILogger> log, ILogger logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            log(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
