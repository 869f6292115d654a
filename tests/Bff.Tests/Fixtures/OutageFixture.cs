using Bff.Samples.Common;
using Bff.Samples.Demo;
using Bff.Samples.Jobs;
using Bff.Samples.Profiles;
using Bff.Samples.Proposals;
using Microsoft.AspNetCore.Builder;

namespace Bff.Tests.Fixtures;

/// <summary>
/// The three demo services as the demo launcher runs them (<see cref="DemoService"/>, stoppable and restartable on the
/// same port) behind the launcher's real control API, with their own request logs and fault hooks. Tests that break
/// services use these, so the shared <see cref="DemoServicesFixture"/> stays healthy.
/// </summary>
public sealed class OutageFixture : IAsyncLifetime
{
    private readonly Dictionary<string, DemoService> _services = new(StringComparer.Ordinal);
    private WebApplication? _control;

    public RequestLog ProfilesLog { get; } = new();
    public RequestLog JobsLog { get; } = new();
    public RequestLog ProposalsLog { get; } = new();
    public HttpFaults ProfilesFaults { get; } = new();
    public HttpFaults JobsFaults { get; } = new();
    public GrpcFaults ProposalsFaults { get; } = new();

    /// <summary>Gets a client of the demo launcher's control API (<c>POST /demo/services/{name}/stop|start</c>).</summary>
    public HttpClient Control { get; private set; } = null!;

    /// <summary>The settings that point a BFF host at these services.</summary>
    public Dictionary<string, string?> HostSettings => new()
    {
        ["Bff:Sources:profiles:BaseAddress"] = _services["profiles"].Url,
        ["Bff:Sources:jobs:BaseAddress"] = _services["jobs"].Url,
        ["Bff:Sources:proposals:BaseAddress"] = _services["proposals"].Url,
        ["Bff:Diagnostics:DownstreamCalls"] = "true",
        // Resilience tests count downstream calls; caching (which answers without them) is tested on its own hosts.
        ["Bff:Caching:Enabled"] = "false",
        ["Bff:RateLimiting:Enabled"] = "false",
    };

    public async Task InitializeAsync()
    {
        _services["profiles"] = new DemoService("profiles", "http://127.0.0.1:0", url => ProfilesService.Create(url, ProfilesLog, ProfilesFaults));
        _services["jobs"] = new DemoService("jobs", "http://127.0.0.1:0", url => JobsService.Create(url, JobsLog, JobsFaults));
        _services["proposals"] = new DemoService("proposals", "http://127.0.0.1:0", url => ProposalsService.Create(url, ProposalsLog, ProposalsFaults));
        foreach (var service in _services.Values)
        {
            await service.StartAsync();
        }

        _control = ControlApi.Create("http://127.0.0.1:0", _services);
        await _control.StartAsync();
        Control = new HttpClient { BaseAddress = new Uri(_control.Urls.First()) };
    }

    /// <summary>Stops a service through the control API; its port refuses connections until <see cref="StartAsync"/>.</summary>
    public Task StopAsync(string name) => PostAsync(name, "stop", running: false);

    /// <summary>Starts a stopped service again, on the same port, through the control API.</summary>
    public Task StartAsync(string name) => PostAsync(name, "start", running: true);

    /// <summary>Turns every fault off, restarts stopped services and forgets recorded requests.</summary>
    public async Task ResetAsync()
    {
        foreach (var (name, service) in _services)
        {
            if (!service.Running)
            {
                await StartAsync(name);
            }
        }

        ProfilesFaults.Reset();
        JobsFaults.Reset();
        ProposalsFaults.Reset();
        ProfilesLog.Reset();
        JobsLog.Reset();
        ProposalsLog.Reset();
    }

    public async Task DisposeAsync()
    {
        Control?.Dispose();
        if (_control is not null)
        {
            await _control.DisposeAsync();
        }

        foreach (var service in _services.Values)
        {
            await service.StopAsync();
        }
    }

    private async Task PostAsync(string name, string action, bool running)
    {
        using var response = await Control.PostAsync($"/demo/services/{name}/{action}", content: null);
        response.EnsureSuccessStatusCode();
        Assert.Equal(running, _services[name].Running);
    }
}

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageFixture>
{
    public const string Name = "outages";
}
