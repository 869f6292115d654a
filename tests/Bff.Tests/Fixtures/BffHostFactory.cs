using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bff.Tests.Fixtures;

/// <summary>A real BFF host (its own Program, appsettings and SDL) on Kestrel, pointed at the demo services.</summary>
public sealed class BffHostFactory<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;

    public BffHostFactory(IReadOnlyDictionary<string, string?> settings, string environment = "Testing")
    {
        _settings = settings;
        _environment = environment;
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
    }
}
