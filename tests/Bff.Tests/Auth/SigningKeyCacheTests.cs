using Bff.Auth;
using Bff.Samples.Common;
using Bff.Samples.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bff.Tests.Auth;

/// <summary>Key fetching against a real issuer on loopback: discovery, unknown-kid refresh rate limit, rotation, outage.</summary>
public sealed class SigningKeyCacheTests : IAsyncLifetime
{
    private readonly RequestLog _log = new();
    private readonly HttpFaults _faults = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly DemoIssuer _issuer = new("http://placeholder");
    private WebApplication _app = null!;
    private ServiceProvider _services = null!;
    private Uri _url = null!;

    public async Task InitializeAsync()
    {
        _app = IdentityService.Create("http://127.0.0.1:0", _issuer, _log, _faults);
        await _app.StartAsync();
        _url = new Uri(_app.Urls.First());
        _issuer.Issuer = _url.ToString().TrimEnd('/');
        _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Discovery_gives_keys_and_issuer()
    {
        var cache = Cache();

        await cache.EnsureAsync(null, default);

        Assert.Equal(_issuer.CurrentKey.KeyId, Assert.Single(cache.Keys).KeyId);
        Assert.Equal(_issuer.Issuer, cache.Issuer);
        Assert.Equal(1, _log.Count("GET " + IdentityService.DiscoveryPath));
        Assert.Equal(1, _log.Count("GET " + IdentityService.JwksPath));
    }

    [Fact]
    public async Task A_flood_of_unknown_kids_fetches_the_keys_once_per_interval()
    {
        var cache = Cache();
        await cache.EnsureAsync(null, default);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => cache.EnsureAsync("random-" + i, default).AsTask()));
        var duringInterval = _log.Count("GET " + IdentityService.JwksPath);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => cache.EnsureAsync("again-" + i, default).AsTask()));

        Assert.Equal(1, duringInterval);
        Assert.Equal(2, _log.Count("GET " + IdentityService.JwksPath));
    }

    [Fact]
    public async Task Requests_arriving_while_the_first_fetch_runs_wait_for_its_keys_instead_of_failing()
    {
        // A host's first burst (an IDE's introspection queries, an app opening several screens) comes before any keys.
        _faults.Delay = TimeSpan.FromMilliseconds(300);
        var cache = Cache();

        var seen = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            await cache.EnsureAsync(i % 2 == 0 ? null : _issuer.CurrentKey.KeyId, default);
            return cache.Keys.Count;
        }));

        Assert.All(seen, keys => Assert.Equal(1, keys));
        Assert.Equal(1, cache.FetchCount);
    }

    [Fact]
    public async Task A_rotated_key_is_fetched_when_a_token_names_it()
    {
        var cache = Cache();
        await cache.EnsureAsync(null, default);
        _time.Advance(TimeSpan.FromMinutes(2));

        var kid = _issuer.Rotate();
        await cache.EnsureAsync(kid, default);

        Assert.Contains(cache.Keys, k => k.KeyId == kid);
        Assert.Equal(2, cache.Keys.Count);
    }

    [Fact]
    public async Task An_issuer_outage_keeps_the_cached_keys()
    {
        var cache = Cache();
        await cache.EnsureAsync(null, default);
        _faults.FailWithStatus = 503;
        _time.Advance(TimeSpan.FromHours(2));

        await cache.EnsureAsync(null, default);
        await cache.EnsureAsync("unknown", default);

        Assert.Equal(_issuer.CurrentKey.KeyId, Assert.Single(cache.Keys).KeyId);
        Assert.Equal(2, cache.FetchCount);
    }

    [Fact]
    public async Task No_keys_and_no_issuer_means_nothing_validates()
    {
        _faults.FailWithStatus = 503;
        var cache = Cache();

        await cache.EnsureAsync(null, default);

        Assert.Empty(cache.Keys);
        Assert.Null(cache.Issuer);
    }

    [Fact]
    public async Task Without_an_issuer_configured_a_token_finds_no_keys_instead_of_failing_the_request()
    {
        // The shipped appsettings.json name no Authority: a bearer token must then be refused (401), not crash (500).
        var cache = new SigningKeyCache(new AuthOptions { Audience = "x" }, _services.GetRequiredService<IHttpClientFactory>(), _time, NullLogger<SigningKeyCache>.Instance);

        await cache.EnsureAsync("some-kid", default);

        Assert.Empty(cache.Keys);
        Assert.Equal(0, _log.Count("GET " + IdentityService.JwksPath));
    }

    private SigningKeyCache Cache()
    {
        var options = new AuthOptions { Authority = _url, Audience = "x", RequireHttpsMetadata = false };
        return new SigningKeyCache(options, _services.GetRequiredService<IHttpClientFactory>(), _time, NullLogger<SigningKeyCache>.Instance);
    }
}
