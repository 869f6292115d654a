using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bff.Samples.Identity;

/// <summary>
/// The demo issuer's OpenID Connect endpoints: an authorization endpoint with a login form for the seeded users
/// (code flow, PKCE S256 required), the token endpoint (codes and refresh tokens), revocation, end-session with
/// back-channel logout, and control endpoints for tests and the demo launcher.
/// </summary>
public static class AuthorizationEndpoints
{
    /// <summary>The authorization endpoint.</summary>
    public const string AuthorizePath = "/connect/authorize";

    /// <summary>The OAuth token endpoint.</summary>
    public const string TokenPath = "/connect/token";

    /// <summary>The revocation endpoint (RFC 7009).</summary>
    public const string RevocationPath = "/connect/revocation";

    /// <summary>The end-session endpoint (RP-initiated logout).</summary>
    public const string EndSessionPath = "/connect/endsession";

    private static readonly string[] FormFields = ["client_id", "redirect_uri", "response_type", "scope", "state", "nonce", "code_challenge", "code_challenge_method"];

    /// <summary>Maps the endpoints on <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, DemoIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(issuer);
        var server = issuer.Authorization;
        var backChannel = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        app.MapGet(AuthorizePath, (HttpRequest request) => Check(server, Read(request.Query)) ?? Form(Read(request.Query), null));
        app.MapPost(AuthorizePath, async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var fields = Read(form);
            if (Check(server, fields) is { } refused)
            {
                return refused;
            }

            var user = DemoUser.Find(form["username"]);
            if (user is null || form["password"] != DemoUser.Password)
            {
                return Form(fields, "Unknown user or wrong password.");
            }

            var code = server.IssueCode(fields["client_id"], user, fields["scope"], fields["redirect_uri"], fields["code_challenge"], NullIfEmpty(fields["nonce"]));
            return Results.Redirect($"{fields["redirect_uri"]}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(fields["state"])}&iss={Uri.EscapeDataString(issuer.Issuer)}");
        }).DisableAntiforgery();
        app.MapPost(TokenPath, async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var (tokens, error) = form["grant_type"].ToString() switch
            {
                "authorization_code" => server.RedeemCode(form["code"], form["client_id"], form["redirect_uri"], form["code_verifier"]),
                "refresh_token" => server.Refresh(form["refresh_token"], form["client_id"]),
                _ => (null, "unsupported_grant_type"),
            };
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return tokens is not null ? Results.Json(tokens) : Results.Json(new { error }, statusCode: 400);
        }).DisableAntiforgery();
        app.MapPost(RevocationPath, async (HttpRequest request) =>
        {
            server.Revoke((await request.ReadFormAsync().ConfigureAwait(false))["token"]);
            return Results.Ok();
        }).DisableAntiforgery();
        app.MapGet(EndSessionPath, async (HttpRequest request) =>
        {
            var query = request.Query;
            await server.EndSessionAsync(NullIfEmpty(query["id_token_hint"]), null, backChannel).ConfigureAwait(false);
            var target = query["post_logout_redirect_uri"].ToString();
            return server.Clients.Values.Any(c => c.AcceptsRedirect(target))
                ? Results.Redirect($"{target}?state={Uri.EscapeDataString(query["state"].ToString())}")
                : Results.Content("<!doctype html><title>Signed out</title><p>You are signed out of the demo issuer.</p>", "text/html");
        });
        app.MapPost("/demo/logout", async (string sub) => Results.Ok(new { sent = await server.EndSessionAsync(null, sub, backChannel).ConfigureAwait(false) }));
        app.MapPost("/demo/refresh/revoke", (string sub) => Results.Ok(new { revoked = server.RevokeAll(sub) }));
        app.MapPost("/demo/clients/{clientId}/backchannel", (string clientId, Uri uri) =>
        {
            server.Clients.GetOrAdd(clientId, id => new DemoClient { ClientId = id }).BackChannelLogoutUris.Add(uri);
            return Results.Ok();
        });
    }

    /// <summary>Registers <paramref name="backChannel"/> as a back-channel logout address of <paramref name="clientId"/> at a running issuer.</summary>
    public static async Task RegisterBackChannelAsync(Uri issuer, string clientId, Uri backChannel)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(issuer, $"/demo/clients/{clientId}/backchannel?uri={Uri.EscapeDataString(backChannel.ToString())}"), null).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private static Dictionary<string, string> Read(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        var all = values.ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.Ordinal);
        return FormFields.ToDictionary(f => f, f => all.GetValueOrDefault(f) ?? "", StringComparer.Ordinal);
    }

    private static IResult? Check(DemoAuthorization server, Dictionary<string, string> fields) =>
        !server.Clients.TryGetValue(fields["client_id"], out var client) ? Results.BadRequest("unknown client_id")
        : !client.AcceptsRedirect(fields["redirect_uri"]) ? Results.BadRequest("redirect_uri is not registered for this client")
        : fields["response_type"] != "code" ? Results.BadRequest("response_type must be code")
        : fields["code_challenge_method"] != "S256" || fields["code_challenge"].Length < 43 ? Results.BadRequest("PKCE with S256 is required")
        : !fields["scope"].Split(' ').Contains("openid") ? Results.BadRequest("scope must include openid")
        : null;

    private static IResult Form(Dictionary<string, string> fields, string? error)
    {
        var html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Demo issuer: sign in</title></head><body>");
        html.Append("<h1>Sign in to the demo issuer</h1>");
        if (error is not null)
        {
            html.Append("<p id=\"error\" role=\"alert\">").Append(WebUtility.HtmlEncode(error)).Append("</p>");
        }

        html.Append("<form method=\"post\">");
        foreach (var (name, value) in fields)
        {
            html.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(value)}\">");
        }

        html.Append("<label>User <select name=\"username\" id=\"username\">");
        foreach (var user in DemoUser.All)
        {
            html.Append($"<option value=\"{user.Subject}\">{WebUtility.HtmlEncode(user.Name)}</option>");
        }

        html.Append("</select></label> <label>Password <input type=\"password\" name=\"password\" id=\"password\"></label> ");
        html.Append("<button type=\"submit\" id=\"signin\">Sign in</button> <small>(every demo password is <code>demo</code>)</small></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: error is null ? 200 : 401);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
