using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bff.Tests.Fixtures;

/// <summary>A real HTTP service that answers every request with one JSON body: a downstream that breaks its contract.</summary>
public sealed class CannedJsonService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CannedJsonService(WebApplication app) => _app = app;

    /// <summary>Gets the base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url => _app.Urls.First();

    /// <summary>Starts a service on a free port that answers <paramref name="json"/> with status 200.</summary>
    public static async Task<CannedJsonService> StartAsync(string json)
    {
        var app = Bff.Samples.Common.SampleHost.CreateBuilder("http://127.0.0.1:0", "CannedJson").Build();
        app.Run(context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        });
        await app.StartAsync();
        return new CannedJsonService(app);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
