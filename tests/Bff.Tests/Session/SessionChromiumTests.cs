using System.Net;
using Bff.Tests.Fixtures;
using Bff.Tests.Ide;
using Microsoft.Playwright;

namespace Bff.Tests.Session;

/// <summary>
/// The demo page of the web BFF in headless Chromium, two replicas sharing Redis: login through the demo issuer's
/// form, the dashboard through GraphQL, no token reachable from script, a cross-origin POST without the CSRF header
/// refused, and both logouts (front- and back-channel) ending the session on both replicas.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SessionChromiumTests(DemoServicesFixture demo, RedisServer redis)
{
    [Fact]
    public async Task A_browser_signs_in_sees_its_dashboard_holds_no_token_and_both_logouts_end_the_session_on_both_replicas()
    {
        Assert.True(IdeBrowser.IsAvailable, "Chromium is required: apt-get install -y chromium");
        var settings = SessionHosts.Settings(demo, redis, SharedStateSettings.UniquePrefix("chromium"));
        var (hostA, a) = SessionHosts.Start(settings);
        var (hostB, b) = SessionHosts.Start(settings);
        using var _ = hostA;
        using var __ = hostB;
        var backChannel = new Uri(a, "/bff/backchannel-logout");
        demo.Issuer.Authorization.Clients["web-app"].BackChannelLogoutUris.Add(backChannel);
        using var playwright = await Playwright.CreateAsync();
        await using var chromium = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = IdeBrowser.ChromiumPath, Headless = true, Args = IdeBrowser.ChromiumArguments });
        await using var context = await chromium.NewContextAsync();
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        try
        {
            // Front-channel: sign in, read the dashboard, look for tokens, try a cross-origin POST, sign out.
            var cookie = await SignInAsync(page, a);
            var count = await page.Locator("#count").TextContentAsync();
            var visible = await page.EvaluateAsync<string>("() => document.cookie + '|' + JSON.stringify(localStorage) + '|' + JSON.stringify(sessionStorage)");
            var crossSite = await CrossOriginPostAsync(page, a, demo.IdentityUrl);
            var onB = await StatusOnAsync(b, a, cookie);
            await page.ClickAsync("#logout");
            await page.WaitForSelectorAsync("#login");
            var afterFront = (await StatusOnAsync(a, a, cookie), await StatusOnAsync(b, a, cookie));

            // Back-channel: sign in again, the provider ends the user's sessions, both replicas refuse the cookie.
            var second = await SignInAsync(page, a);
            using var http = new HttpClient();
            using var logout = await http.PostAsync(new Uri(demo.IdentityUrl, "/demo/logout?sub=p3"), null);
            var afterBack = (await StatusOnAsync(a, a, second), await StatusOnAsync(b, a, second));
            await page.ReloadAsync();
            await page.WaitForSelectorAsync("#login");

            Assert.True(int.TryParse(count, out var proposals) && proposals > 0, $"dashboard count: {count}");
            Assert.Equal("||{}|{}", "|" + visible);
            Assert.Equal(403, crossSite);
            Assert.Equal(HttpStatusCode.OK, onB);
            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), afterFront);
            Assert.NotEqual(cookie, second);
            Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), afterBack);
        }
        catch
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "session-chromium-failure.png") });
            throw;
        }
        finally
        {
            demo.Issuer.Authorization.Clients["web-app"].BackChannelLogoutUris.Remove(backChannel);
        }
    }

    /// <summary>Signs in from the demo page as p3 and returns the session cookie's value (read through the browser API, not script).</summary>
    private static async Task<string> SignInAsync(IPage page, Uri bff)
    {
        await page.GotoAsync(new Uri(bff, "/app/").ToString());
        await page.ClickAsync("#login");
        await page.SelectOptionAsync("#username", "p3");
        await page.FillAsync("#password", "demo");
        await page.ClickAsync("#signin");
        await page.WaitForFunctionAsync("() => /^[0-9]+$/.test(document.getElementById('count').textContent)");
        var cookies = await page.Context.CookiesAsync([bff.ToString()]);
        var session = cookies.Single(c => c.Name == SessionBrowser.CookieName);
        Assert.True(session.HttpOnly && session.Secure);
        return session.Value;
    }

    /// <summary>
    /// A page of another origin (the issuer's: same site, so SameSite=Lax does not hold the cookie back) POSTs to the
    /// BFF with the browser's cookies but without the CSRF header; returns the status the BFF answered.
    /// </summary>
    private static async Task<int> CrossOriginPostAsync(IPage page, Uri bff, Uri otherOrigin)
    {
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(new Uri(otherOrigin, "/.well-known/openid-configuration").ToString());
        var graphql = new Uri(bff, "/graphql").ToString();
        var response = other.WaitForResponseAsync(r => r.Url.StartsWith(graphql, StringComparison.Ordinal));
        await other.EvaluateAsync(
            "url => fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{\"query\":\"{ myProposals { totalCount } }\"}' }).catch(() => null)",
            graphql);
        var status = (await response).Status;
        await other.CloseAsync();
        return status;
    }

    private static async Task<HttpStatusCode> StatusOnAsync(Uri replica, Uri origin, string cookie)
    {
        using var browser = new SessionBrowser();
        browser.Jars[origin.Authority] = new() { [SessionBrowser.CookieName] = cookie };
        return (await browser.QueryAsync(replica, SessionHosts.MyProposals, hostHeader: origin.Authority)).Status;
    }
}
