using Bff.Samples.Common;
using Bff.Samples.Demo;
using Bff.Samples.Jobs;
using Bff.Samples.Profiles;
using Bff.Samples.Proposals;

namespace Bff.Tests.Fixtures;

/// <summary>
/// Two instances each of the jobs (REST) and proposals (gRPC) demo services and one of profiles, each instance on its
/// own loopback port with its own request log, stoppable and restartable on the same port.
/// </summary>
public sealed class InstancesFixture : IAsyncLifetime
{
    public const int Count = 2;

    private readonly List<DemoService> _all = [];

    internal DemoService[] Jobs { get; } = new DemoService[Count];
    internal DemoService[] Proposals { get; } = new DemoService[Count];
    public RequestLog[] JobsLogs { get; } = [new(), new()];
    public RequestLog[] ProposalsLogs { get; } = [new(), new()];
    public RequestLog ProfilesLog { get; } = new();

    private DemoService Profiles { get; set; } = null!;

    /// <summary>Settings that point a host at every instance (BaseAddress cleared where the shipped appsettings set one).</summary>
    public Dictionary<string, string?> HostSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Bff:Sources:profiles:BaseAddress"] = Profiles.Url,
                ["Bff:Sources:jobs:BaseAddress"] = "",
                ["Bff:Sources:proposals:BaseAddress"] = "",
                ["Bff:Diagnostics:DownstreamCalls"] = "true",
                ["Bff:Caching:Enabled"] = "false",
                ["Bff:RateLimiting:Enabled"] = "false",
            };
            for (var i = 0; i < Count; i++)
            {
                settings[$"Bff:Sources:jobs:Addresses:{i}"] = Jobs[i].Url;
                settings[$"Bff:Sources:proposals:Addresses:{i}"] = Proposals[i].Url;
            }

            return settings;
        }
    }

    public async Task InitializeAsync()
    {
        Profiles = new DemoService("profiles", "http://127.0.0.1:0", url => ProfilesService.Create(url, ProfilesLog, new HttpFaults()));
        for (var i = 0; i < Count; i++)
        {
            var (jobsLog, proposalsLog) = (JobsLogs[i], ProposalsLogs[i]);
            Jobs[i] = new DemoService($"jobs-{i + 1}", "http://127.0.0.1:0", url => JobsService.Create(url, jobsLog, new HttpFaults()));
            Proposals[i] = new DemoService($"proposals-{i + 1}", "http://127.0.0.1:0", url => ProposalsService.Create(url, proposalsLog, new GrpcFaults()));
        }

        _all.AddRange([Profiles, .. Jobs, .. Proposals]);
        foreach (var service in _all)
        {
            await service.StartAsync();
        }
    }

    /// <summary>Stops instance <paramref name="index"/> of jobs and of proposals: their ports refuse connections.</summary>
    public async Task StopInstanceAsync(int index)
    {
        await Jobs[index].StopAsync();
        await Proposals[index].StopAsync();
    }

    /// <summary>Starts instance <paramref name="index"/> of jobs and of proposals again, on the same ports.</summary>
    public async Task StartInstanceAsync(int index)
    {
        await Jobs[index].StartAsync();
        await Proposals[index].StartAsync();
    }

    /// <summary>Gets the address of instance <paramref name="index"/> of <paramref name="source"/>.</summary>
    public string Url(string source, int index) => (source == "jobs" ? Jobs : Proposals)[index].Url;

    /// <summary>Starts every stopped instance and forgets recorded requests.</summary>
    public async Task ResetAsync()
    {
        foreach (var service in _all)
        {
            await service.StartAsync();
        }

        foreach (var log in JobsLogs.Concat(ProposalsLogs).Append(ProfilesLog))
        {
            log.Reset();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _all)
        {
            await service.StopAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class InstancesCollection : ICollectionFixture<InstancesFixture>
{
    public const string Name = "instances";
}
