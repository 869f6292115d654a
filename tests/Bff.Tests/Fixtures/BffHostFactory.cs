using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Fixtures;

/// <summary>
/// A real BFF host (its own Program, appsettings and SDL) on Kestrel on a free loopback port, with settings and an
/// environment of the test's choosing, and optionally extra services. The one place test hosts are configured.
/// </summary>
public class BffHostFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    public BffHostFactory(IReadOnlyDictionary<string, string?> settings, string environment = "Testing", Action<IServiceCollection>? services = null)
    {
        _settings = settings;
        _environment = environment;
        _services = services;
        // UseKestrel(0) races with Kestrel's own bind under minimal hosting (dotnet/aspnetcore#67714): bind port 0 via the URLs setting.
        UseKestrel();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            _services?.Invoke(services);
            ConfigureServices(services);
        });
    }

    /// <summary>Adds or replaces services of the host (after the host's own registrations).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }
}
