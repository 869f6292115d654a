using Bff.Samples.Common;
using Bff.Samples.Identity;
using Bff.Samples.Jobs;
using Bff.Samples.Profiles;
using Bff.Samples.Proposals;
using Bff.Samples.Reviews;
using Microsoft.AspNetCore.Builder;

namespace Bff.Tests.Fixtures;

/// <summary>The four demo services, started for real on free loopback ports (REST over HTTP/1.1, gRPC over h2c, GraphQL over HTTP).</summary>
public sealed class DemoServicesFixture : IAsyncLifetime
{
    private readonly List<WebApplication> _apps = [];

    public RequestLog ProfilesLog { get; } = new();
    public RequestLog JobsLog { get; } = new();
    public RequestLog ProposalsLog { get; } = new();
    public HttpFaults ProfilesFaults { get; } = new();
    public HttpFaults JobsFaults { get; } = new();
    public GrpcFaults ProposalsFaults { get; } = new();

    /// <summary>How the proposals service's server streams (WatchProposals, StreamProposals) ended: cancelled by the caller, failed, completed.</summary>
    public StreamLog ProposalsStreams { get; } = new();
    public RequestLog ReviewsLog { get; } = new();
    public HttpFaults ReviewsFaults { get; } = new();
    public FieldFaults ReviewsFieldFaults { get; } = new();

    /// <summary>The GraphQL documents and variables the reviews service received.</summary>
    public OperationLog ReviewsOperations { get; } = new();
    public RequestLog IdentityLog { get; } = new();
    public HttpFaults IdentityFaults { get; } = new();

    /// <summary>The demo token issuer; its JWKS is served by a real loopback server at <see cref="IdentityUrl"/>.</summary>
    public DemoIssuer Issuer { get; } = new("http://placeholder");

    public Uri ProfilesUrl { get; private set; } = null!;
    public Uri JobsUrl { get; private set; } = null!;
    public Uri ProposalsUrl { get; private set; } = null!;
    public Uri IdentityUrl { get; private set; } = null!;

    /// <summary>The reviews service's GraphQL endpoint.</summary>
    public Uri ReviewsUrl { get; private set; } = null!;

    /// <summary>Only the addresses of these services and of the issuer: a host with these runs as shipped.</summary>
    public Dictionary<string, string?> AddressSettings => new()
    {
        ["Bff:Sources:profiles:BaseAddress"] = ProfilesUrl.ToString(),
        ["Bff:Sources:jobs:BaseAddress"] = JobsUrl.ToString(),
        ["Bff:Sources:proposals:BaseAddress"] = ProposalsUrl.ToString(),
        ["Bff:Sources:reviews:BaseAddress"] = ReviewsUrl.ToString(),
        ["Bff:Auth:Authority"] = IdentityUrl.ToString(),
        ["Bff:Auth:RequireHttpsMetadata"] = "false",
    };

    /// <summary>The settings that point a BFF host at these services.</summary>
    public Dictionary<string, string?> HostSettings => new()
    {
        ["Bff:Sources:profiles:BaseAddress"] = ProfilesUrl.ToString(),
        ["Bff:Sources:jobs:BaseAddress"] = JobsUrl.ToString(),
        ["Bff:Sources:proposals:BaseAddress"] = ProposalsUrl.ToString(),
        ["Bff:Sources:reviews:BaseAddress"] = ReviewsUrl.ToString(),
        ["Bff:Diagnostics:DownstreamCalls"] = "true",
        ["Bff:Auth:Authority"] = IdentityUrl.ToString(),
        ["Bff:Auth:RequireHttpsMetadata"] = "false",
        // The shared hosts serve many suites from one client address and count downstream calls: caching and rate
        // limiting are tested on their own hosts (tests/Bff.Tests/Caching, RateLimiting).
        ["Bff:Caching:Enabled"] = "false",
        ["Bff:RateLimiting:Enabled"] = "false",
    };

    /// <summary>Mints a token the hosts accept (both audiences) for <paramref name="subject"/>.</summary>
    public string Token(string subject = "p3", string[]? scopes = null, string[]? roles = null) =>
        Issuer.Mint(new DemoToken { Subject = subject, Scopes = scopes ?? [], Roles = roles ?? [] });

    /// <summary>The number of requests the four demo downstream services received so far.</summary>
    public int DownstreamTotal => ProfilesLog.Total + JobsLog.Total + ProposalsLog.Total + ReviewsLog.Total;

    public async Task InitializeAsync()
    {
        ProfilesUrl = await StartAsync(ProfilesService.Create("http://127.0.0.1:0", ProfilesLog, ProfilesFaults));
        JobsUrl = await StartAsync(JobsService.Create("http://127.0.0.1:0", JobsLog, JobsFaults));
        ProposalsUrl = await StartAsync(ProposalsService.Create("http://127.0.0.1:0", ProposalsLog, ProposalsFaults, ProposalsStreams));
        ReviewsUrl = new Uri(await StartAsync(ReviewsService.Create("http://127.0.0.1:0", ReviewsLog, ReviewsFaults, ReviewsFieldFaults, ReviewsOperations)), "graphql");
        IdentityUrl = await StartAsync(IdentityService.Create("http://127.0.0.1:0", Issuer, IdentityLog, IdentityFaults));
        Issuer.Issuer = IdentityUrl.ToString().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }

    private async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        _apps.Add(app);
        return new Uri(app.Urls.First());
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoServicesFixture>
{
    public const string Name = "demo services";
}
