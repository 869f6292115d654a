using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Session;

/// <summary>Two replicas sharing Redis: a session works on both, and the provider's back-channel logout ends it on both.</summary>
[Collection(RedisCollection.Name)]
public sealed class SessionBackChannelTests(DemoServicesFixture demo, RedisServer redis)
{
    [Fact]
    public async Task Back_channel_logout_from_the_provider_ends_the_session_on_both_replicas_within_a_second()
    {
        var settings = SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("bcl"));
        var (hostA, a) = SessionHosts.Start(settings);
        var (hostB, b) = SessionHosts.Start(settings);
        using var _ = hostA;
        using var __ = hostB;
        using var browser = new SessionBrowser();
        (await browser.LoginAsync(a)).Dispose();
        var (onB, onBBody) = await browser.QueryAsync(b, SessionHosts.MyProposals, hostHeader: a.Authority);
        var backChannel = new Uri(a, "/bff/backchannel-logout");
        var client = demo.Issuer.Authorization.Clients["web-app"];
        client.BackChannelLogoutUris.Add(backChannel);
        try
        {
            var session = browser.SessionCookie(a)!;
            var clock = Stopwatch.StartNew();
            using var logout = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(demo.IdentityUrl, "/demo/logout?sub=p3")));
            var (endedA, bodyA) = await browser.QueryAsync(a, SessionHosts.MyProposals);
            var cookie = browser.Jar(a).GetValueOrDefault(SessionBrowser.CookieName);
            browser.Jar(a)[SessionBrowser.CookieName] = session; // replayed at the other replica
            var (endedB, bodyB) = await browser.QueryAsync(b, SessionHosts.MyProposals, hostHeader: a.Authority);
            clock.Stop();

            Assert.Equal(HttpStatusCode.OK, onB);
            Assert.NotNull(onBBody["data"]?["myProposals"]);
            Assert.Contains(demo.Issuer.Authorization.BackChannelCalls, c => c.Uri == backChannel && c.Status == 200);
            Assert.Equal(HttpStatusCode.Unauthorized, endedA);
            Assert.Equal("SESSION_ENDED", (string?)bodyA["errors"]![0]!["extensions"]!["code"]);
            Assert.Null(cookie);
            Assert.Equal(HttpStatusCode.Unauthorized, endedB);
            Assert.Equal("SESSION_ENDED", (string?)bodyB["errors"]![0]!["extensions"]!["code"]);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
            Assert.Contains(hostA.Logs, l => l.EventId == 8115);
        }
        finally
        {
            client.BackChannelLogoutUris.Remove(backChannel);
        }
    }

    [Fact]
    public async Task Invalid_or_replayed_logout_tokens_are_refused_and_a_valid_one_ends_the_session_on_the_other_replica()
    {
        var settings = SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("lt"));
        var (hostA, a) = SessionHosts.Start(settings);
        var (hostB, b) = SessionHosts.Start(settings);
        using var _ = hostA;
        using var __ = hostB;
        using var browser = new SessionBrowser();
        (await browser.LoginAsync(a)).Dispose();
        var sid = await SidAsync(browser, a);
        var issuer = demo.Issuer.Authorization;
        var valid = issuer.LogoutToken("web-app", "p3", sid);
        var payload = valid.Split('.');
        var invalid = new Dictionary<string, string>
        {
            ["nonce"] = issuer.LogoutToken("web-app", "p3", sid, c => c["nonce"] = "n"),
            ["no event"] = issuer.LogoutToken("web-app", "p3", sid, c => c.Remove("events")),
            ["other audience"] = issuer.LogoutToken("other-app", "p3", sid),
            ["no sub nor sid"] = issuer.LogoutToken("web-app", "p3", null, c => c.Remove("sub")),
            ["tampered"] = $"{payload[0]}.{payload[1][..^2]}{(payload[1][^2] == 'A' ? 'B' : 'A')}{payload[1][^1]}.{payload[2]}",
            ["not a jwt"] = "hello",
        };

        var refused = new Dictionary<string, HttpStatusCode>();
        foreach (var (name, token) in invalid)
        {
            refused[name] = await PostLogoutTokenAsync(b, token);
        }

        var (alive, aliveBody) = await browser.QueryAsync(a, SessionHosts.MyProposals);
        var accepted = await PostLogoutTokenAsync(b, valid);
        var replayed = await PostLogoutTokenAsync(b, valid);
        var (ended, endedBody) = await browser.QueryAsync(a, SessionHosts.MyProposals);

        Assert.All(refused, r => Assert.True(r.Value == HttpStatusCode.BadRequest, r.Key + ": " + r.Value));
        Assert.Equal(HttpStatusCode.OK, alive);
        Assert.NotNull(aliveBody["data"]?["myProposals"]);
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.BadRequest, replayed);
        Assert.Equal(HttpStatusCode.Unauthorized, ended);
        Assert.Equal("SESSION_ENDED", (string?)endedBody["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains(hostB.Logs, l => l.EventId == 8116 && l.Message.Contains("nonce", StringComparison.Ordinal));
    }

    private static async Task<string> SidAsync(SessionBrowser browser, Uri bff)
    {
        using var user = await SessionLoginTests.Get(browser, bff, "/bff/user", csrf: true);
        var claims = JsonNode.Parse(await user.Content.ReadAsStringAsync())!["claims"]!.AsArray();
        return (string)claims.First(c => (string?)c!["type"] == "sid")!["value"]!;
    }

    private static async Task<HttpStatusCode> PostLogoutTokenAsync(Uri bff, string token)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["logout_token"] = token });
        using var response = await http.PostAsync(new Uri(bff, "/bff/backchannel-logout"), form);
        return response.StatusCode;
    }
}
