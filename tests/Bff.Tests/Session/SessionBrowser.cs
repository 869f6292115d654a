using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Bff.Samples.Identity;

namespace Bff.Tests.Session;

/// <summary>
/// A scripted browser over real HTTP: one cookie jar per host (cookies are sent back only to the host that set them),
/// no automatic redirects, so each step of the OIDC login (BFF → issuer → BFF) is visible and can be tampered with.
/// </summary>
public sealed class SessionBrowser : IDisposable
{
    public const string CookieName = "__Host-bff-session";
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public Dictionary<string, Dictionary<string, string>> Jars { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every Set-Cookie header the browser received, in order.</summary>
    public List<string> SetCookies { get; } = [];

    public string? SessionCookie(Uri host) => Jar(host).GetValueOrDefault(CookieName);

    public Dictionary<string, string> Jar(Uri host) =>
        Jars.TryGetValue(host.Authority, out var jar) ? jar : Jars[host.Authority] = new(StringComparer.Ordinal);

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? cookieHost = null)
    {
        // Cookies belong to the host the browser thinks it talks to (the Host header when a test sets one).
        var jar = Jar(cookieHost is null ? request.RequestUri! : new Uri("http://" + cookieHost));
        if (jar.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await _http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            SetCookies.Add(header);
            var pair = header.Split(';')[0];
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                jar.Remove(name);
            }
            else
            {
                jar[name] = value;
            }
        }

        return response;
    }

    public Task<HttpResponseMessage> GetAsync(Uri uri) => SendAsync(new HttpRequestMessage(HttpMethod.Get, uri));

    /// <summary>Starts a login at the BFF and returns the issuer's authorization URL it redirected to.</summary>
    public async Task<Uri> StartLoginAsync(Uri bff, string returnUrl = "/app/")
    {
        using var response = await GetAsync(new Uri(bff, "/bff/login?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Submits the issuer's login form for <paramref name="user"/>; returns the callback URL (with code and state).</summary>
    public async Task<Uri> SignInAtIssuerAsync(Uri authorize, string user = "p3", string password = DemoUser.Password)
    {
        var query = HttpUtility.ParseQueryString(authorize.Query);
        var form = query.AllKeys.ToDictionary(k => k!, k => query[k]!);
        form["username"] = user;
        form["password"] = password;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(authorize.GetLeftPart(UriPartial.Path))) { Content = new FormUrlEncodedContent(form) };
        using var response = await SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>The whole login: BFF → issuer form → callback; returns the callback's response.</summary>
    public async Task<HttpResponseMessage> LoginAsync(Uri bff, string user = "p3", string returnUrl = "/app/") =>
        await GetAsync(await SignInAtIssuerAsync(await StartLoginAsync(bff, returnUrl), user));

    /// <summary>POSTs a GraphQL query with the session cookie (and the CSRF header unless <paramref name="csrf"/> is null).</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> QueryAsync(Uri bff, string query, string? csrf = "1", string? hostHeader = null, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(bff, "/graphql"))
        {
            Content = JsonContent.Create(new { query }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (csrf is not null)
        {
            request.Headers.Add("X-CSRF", csrf);
        }

        if (hostHeader is not null)
        {
            request.Headers.Host = hostHeader;
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }

        using var response = await SendAsync(request, hostHeader);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public void Dispose() => _http.Dispose();
}
