using System.Diagnostics;
using System.Net;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Session;

/// <summary>Redis down under session mode: cookie requests fail closed (or fall back, as configured) at once and say so; bearer requests carry on.</summary>
[Collection(RedisCollection.Name)]
public sealed class SessionRedisOutageTests(DemoServicesFixture demo) : IAsyncLifetime
{
    private readonly RedisServer _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task With_redis_down_cookie_requests_fail_closed_with_503_and_bearer_requests_still_work()
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, _redis, SharedStateSettings.UniquePrefix("down")));
        using var _ = host;
        using var browser = new SessionBrowser();
        (await browser.LoginAsync(bff)).Dispose();

        _redis.Kill();
        var clock = Stopwatch.StartNew();
        var (status, body) = await browser.QueryAsync(bff, SessionHosts.MyProposals);
        clock.Stop();
        var (bearer, bearerBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals, bearer: demo.Token("p3", ["proposals:read"]));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("SESSION_STORE_UNAVAILABLE", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, bearer);
        Assert.NotNull(bearerBody["data"]?["myProposals"]);
        Assert.Contains(host.Logs, l => l.EventId == 8101);
        Assert.Contains(host.Logs, l => l.EventId == 8110 && l.Message.Contains("FailClosed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_memory_fallback_configured_the_host_says_so_and_redis_sessions_are_not_trusted_from_memory()
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, _redis, SharedStateSettings.UniquePrefix("fallback"), ("Bff:Session:WhenRedisDown", "Memory")));
        using var _ = host;
        using var browser = new SessionBrowser();
        (await browser.LoginAsync(bff)).Dispose();

        _redis.Kill();
        var (status, body) = await browser.QueryAsync(bff, SessionHosts.MyProposals);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("SESSION_ENDED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains(host.Logs, l => l.EventId == 8102);
    }
}
