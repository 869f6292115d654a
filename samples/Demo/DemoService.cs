using Microsoft.AspNetCore.Builder;

namespace Bff.Samples.Demo;

/// <summary>One in-process demo service that can be stopped and started again while the demo runs.</summary>
internal sealed class DemoService(string name, string url, Func<string, WebApplication> create)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    public string Name { get; } = name;

    /// <summary>Gets where the service listens; after the first start, the bound address (a port 0 becomes the real port, kept across restarts).</summary>
    public string Url { get; private set; } = url;

    public bool Running => _app is not null;

    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is null)
            {
                var app = create(Url);
                await app.StartAsync();
                Url = app.Urls.First();
                _app = app;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_app is { } app)
            {
                _app = null;
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
