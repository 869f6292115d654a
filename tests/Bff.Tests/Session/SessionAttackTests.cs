using System.Net;
using System.Web;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Session;

/// <summary>The attacks of issue 13, each against a real host, the real demo issuer and a real Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class SessionAttackTests(DemoServicesFixture demo, RedisServer redis)
{
    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("")]
    public async Task A_cookie_request_without_the_csrf_header_is_refused_with_403(string? header)
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("csrf")));
        using var _ = host;
        using var browser = new SessionBrowser();
        (await browser.LoginAsync(bff)).Dispose();

        var (status, body) = await browser.QueryAsync(bff, SessionHosts.MyProposals, csrf: header);
        using var get = await browser.GetAsync(new Uri(bff, "/graphql?query=" + Uri.EscapeDataString("{ __typename }")));
        var (allowed, allowedBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("CSRF_HEADER_REQUIRED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed);
        Assert.NotNull(allowedBody["data"]?["myProposals"]);
    }

    [Fact]
    public async Task A_request_with_authorization_is_a_bearer_request_as_before_even_with_a_session_cookie()
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("bearer")));
        using var _ = host;
        using var browser = new SessionBrowser();
        (await browser.LoginAsync(bff)).Dispose();
        var token = demo.Token("p3", ["proposals:read"]);

        var (withCookie, withCookieBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals, csrf: null, bearer: token);
        var (invalid, body) = await browser.QueryAsync(bff, SessionHosts.MyProposals, csrf: "1", bearer: "not-a-token");

        Assert.Equal(HttpStatusCode.OK, withCookie);
        Assert.NotNull(withCookieBody["data"]?["myProposals"]);
        Assert.Equal("Bearer " + token, demo.ProposalsLog.Recent[^1].Authorization);
        Assert.Equal(HttpStatusCode.Unauthorized, invalid);
        Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_tampered_cookie_a_cookie_shown_to_another_host_and_a_replayed_cookie_after_logout_are_refused()
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("tamper")));
        using var _ = host;
        using var browser = new SessionBrowser();
        (await browser.LoginAsync(bff)).Dispose();
        var cookie = browser.SessionCookie(bff)!;

        browser.Jar(bff)[SessionBrowser.CookieName] = cookie[..^1] + (cookie[^1] == 'A' ? 'B' : 'A');
        var (tampered, tamperedBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals);
        browser.Jar(bff)[SessionBrowser.CookieName] = cookie;
        var otherHost = $"localhost:{bff.Port}";
        browser.Jars[otherHost] = new() { [SessionBrowser.CookieName] = cookie };
        var (elsewhere, _) = await browser.QueryAsync(bff, SessionHosts.MyProposals, hostHeader: otherHost);
        var (stillGood, goodBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals);
        var logoutUrl = await LogoutUrlAsync(browser, bff);
        using var logout = await browser.GetAsync(new Uri(bff, logoutUrl));
        browser.Jar(bff)[SessionBrowser.CookieName] = cookie;
        var (replayed, replayedBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals);

        Assert.Equal(HttpStatusCode.Unauthorized, tampered);
        Assert.Equal("SESSION_ENDED", (string?)tamperedBody["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere);
        Assert.Equal(HttpStatusCode.OK, stillGood);
        Assert.NotNull(goodBody["data"]?["myProposals"]);
        Assert.True(logout.StatusCode == HttpStatusCode.Redirect, logout.StatusCode + " " + logoutUrl + " " + await logout.Content.ReadAsStringAsync());
        Assert.StartsWith(demo.IdentityUrl + "connect/endsession", logout.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("id_token_hint=", logout.Headers.Location!.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed);
        Assert.Equal("SESSION_ENDED", (string?)replayedBody["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https:evil.example")]
    [InlineData("/app/\r\nLocation: https://evil.example")]
    public async Task Open_redirects_are_refused_on_login_and_logout(string returnUrl)
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("redirect")));
        using var _ = host;
        using var browser = new SessionBrowser();

        using var login = await browser.GetAsync(new Uri(bff, "/bff/login?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        (await browser.LoginAsync(bff)).Dispose();
        var logoutUrl = await LogoutUrlAsync(browser, bff);
        using var logout = await browser.GetAsync(new Uri(bff, logoutUrl + "&returnUrl=" + Uri.EscapeDataString(returnUrl)));
        using var withoutSid = await browser.GetAsync(new Uri(bff, "/bff/logout?returnUrl=/"));
        var (alive, aliveBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals);

        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        Assert.Contains("INVALID_RETURN_URL", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutSid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive);
        Assert.NotNull(aliveBody["data"]?["myProposals"]);
    }

    [Fact]
    public async Task A_callback_with_a_forged_state_or_a_code_bound_to_another_nonce_starts_no_session()
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("state")));
        using var _ = host;
        using var browser = new SessionBrowser();

        var callback = await browser.SignInAtIssuerAsync(await browser.StartLoginAsync(bff));
        var query = HttpUtility.ParseQueryString(callback.Query);
        query["state"] = query["state"]![..^4] + "AAAA";
        using var forgedState = await browser.GetAsync(new UriBuilder(callback) { Query = query.ToString() }.Uri);
        var authorize = await browser.StartLoginAsync(bff);
        var forgedNonce = HttpUtility.ParseQueryString(authorize.Query);
        forgedNonce["nonce"] = "attacker-nonce";
        using var wrongNonce = await browser.GetAsync(await browser.SignInAtIssuerAsync(new UriBuilder(authorize) { Query = forgedNonce.ToString() }.Uri));

        Assert.Equal(HttpStatusCode.BadRequest, forgedState.StatusCode);
        Assert.Contains("LOGIN_FAILED", await forgedState.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wrongNonce.StatusCode);
        Assert.Contains("LOGIN_FAILED", await wrongNonce.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(browser.SessionCookie(bff));
        Assert.Contains(host.Logs, l => l.EventId == 8113);
    }

    [Fact]
    public async Task Tokens_are_refreshed_before_expiry_and_a_refresh_token_revoked_at_the_provider_ends_the_session()
    {
        // Access tokens live 10 minutes; refreshing 10:30 before expiry refreshes on every request.
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("refresh"), ("Bff:Session:RefreshBefore", "00:10:30")));
        using var _ = host;
        using var browser = new SessionBrowser();
        (await browser.LoginAsync(bff)).Dispose();
        var refreshes = demo.IdentityLog.Count("POST /connect/token");

        var (first, firstBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals);
        var afterFirst = demo.IdentityLog.Count("POST /connect/token");
        using var revoke = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(demo.IdentityUrl, "/demo/refresh/revoke?sub=p3")));
        var cookie = browser.SessionCookie(bff)!;
        var (refused, body) = await browser.QueryAsync(bff, SessionHosts.MyProposals);
        var dropped = browser.SessionCookie(bff) is null;
        browser.Jar(bff)[SessionBrowser.CookieName] = cookie;
        var (after, afterBody) = await browser.QueryAsync(bff, SessionHosts.MyProposals);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.NotNull(firstBody["data"]?["myProposals"]);
        Assert.Equal(refreshes + 1, afterFirst);
        Assert.True(refused == HttpStatusCode.Unauthorized, revoke.StatusCode + await revoke.Content.ReadAsStringAsync() + body.ToJsonString());
        Assert.Equal("SESSION_REFRESH_FAILED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.True(dropped, "the refused response deletes the cookie");
        Assert.Equal(HttpStatusCode.Unauthorized, after);
        Assert.Equal("SESSION_ENDED", (string?)afterBody["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains(host.Logs, l => l.EventId == 8114);
    }

    internal static async Task<string> LogoutUrlAsync(SessionBrowser browser, Uri bff)
    {
        using var user = await SessionLoginTests.Get(browser, bff, "/bff/user", csrf: true);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await user.Content.ReadAsStringAsync())!;
        return (string)body["logoutUrl"]!;
    }
}
