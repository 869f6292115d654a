using System.Net;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Session;

/// <summary>Session mode end to end over loopback: login through the demo issuer, the cookie, GraphQL with the session's token.</summary>
[Collection(RedisCollection.Name)]
public sealed class SessionLoginTests(DemoServicesFixture demo, RedisServer redis)
{
    [Fact]
    public async Task Login_gives_only_a_small_host_only_http_only_cookie_and_graphql_forwards_the_sessions_token()
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("login")));
        using var _ = host;
        using var browser = new SessionBrowser();

        using var callback = await browser.LoginAsync(bff);
        var before = demo.ProposalsLog.Total;
        var (status, body) = await browser.QueryAsync(bff, SessionHosts.MyProposals);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/app/", callback.Headers.Location!.OriginalString);
        var cookie = Assert.Single(browser.SetCookies, c => c.StartsWith(SessionBrowser.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(browser.SessionCookie(bff)!.Length < 64, "the cookie holds only a session id, no token");
        Assert.DoesNotContain('.', browser.SessionCookie(bff)!);
        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        Assert.NotNull(body["data"]!["myProposals"]);
        var call = demo.ProposalsLog.Recent[^1];
        Assert.True(demo.ProposalsLog.Total > before);
        Assert.StartsWith("Bearer ey", call.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_endpoint_answers_claims_with_the_csrf_header_and_401_without_a_session()
    {
        var (host, bff) = SessionHosts.Start(SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("user")));
        using var _ = host;
        using var browser = new SessionBrowser();
        using var anonymous = await Get(browser, bff, "/bff/user", csrf: true);
        using var callback = await browser.LoginAsync(bff);

        using var withoutHeader = await Get(browser, bff, "/bff/user", csrf: false);
        using var user = await Get(browser, bff, "/bff/user", csrf: true);
        var text = await user.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        Assert.Contains("\"type\":\"sub\",\"value\":\"p3\"", text, StringComparison.Ordinal);
        Assert.Contains("/bff/logout?sid=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
    }

    internal static Task<HttpResponseMessage> Get(SessionBrowser browser, Uri bff, string path, bool csrf)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(bff, path));
        if (csrf)
        {
            request.Headers.Add("X-CSRF", "1");
        }

        return browser.SendAsync(request);
    }
}
