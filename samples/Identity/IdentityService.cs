using Bff.Samples.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bff.Samples.Identity;

/// <summary>
/// The demo token issuer as an HTTP service: <c>/.well-known/openid-configuration</c>, the JWKS, and
/// <c>POST /demo/token?sub=p3&amp;scope=proposals:write</c> answering a signed token as plain text.
/// </summary>
public static class IdentityService
{
    /// <summary>Where <c>Program</c> listens when given no argument.</summary>
    public const string DefaultUrl = "http://localhost:5304";

    /// <summary>The path of the discovery document.</summary>
    public const string DiscoveryPath = "/.well-known/openid-configuration";

    /// <summary>The path of the JSON Web Key Set.</summary>
    public const string JwksPath = "/.well-known/jwks.json";

    /// <summary>The path that mints demo tokens.</summary>
    public const string TokenPath = "/demo/token";

    /// <summary>Creates the service with its own issuer, request log and no faults.</summary>
    public static WebApplication Create(string url) => Create(url, new DemoIssuer(url), new RequestLog(), new HttpFaults());

    /// <summary>Creates the service around <paramref name="issuer"/>; tests count JWKS fetches in <paramref name="requests"/>.</summary>
    /// <param name="url">Where to listen, e.g. <c>http://127.0.0.1:0</c> for a free port.</param>
    /// <param name="issuer">The keys and the issuer name.</param>
    /// <param name="requests">Where this instance records requests.</param>
    /// <param name="faults">The fault hooks this instance applies (e.g. a JWKS outage).</param>
    public static WebApplication Create(string url, DemoIssuer issuer, RequestLog requests, HttpFaults faults)
    {
        var builder = SampleHost.CreateBuilder(url, typeof(IdentityService).Assembly.GetName().Name!);
        var app = builder.Build();
        app.UseRouting();
        app.UseRequestRecording(requests, faults);
        app.MapSampleHealth();
        app.MapGet(DiscoveryPath, () => Results.Json(issuer.Discovery()));
        app.MapGet(JwksPath, () => Results.Json(issuer.Jwks()));
        app.MapPost(TokenPath, (HttpRequest request) => Mint(issuer, request));
        app.MapPost("/demo/keys/rotate", () => Results.Ok(new { kid = issuer.Rotate() }));
        AuthorizationEndpoints.Map(app, issuer);
        return app;
    }

    private static IResult Mint(DemoIssuer issuer, HttpRequest request)
    {
        var query = request.Query;
        var ttl = int.TryParse(query["ttl"], out var seconds) && seconds is > 0 and <= 86_400 ? seconds : 3600;
        var now = DateTimeOffset.UtcNow;
        var token = new DemoToken
        {
            Subject = query["sub"].ToString() is { Length: > 0 } sub ? sub : "p3",
            Scopes = Split(query["scope"].ToString(), ' '),
            Roles = Split(query["roles"].ToString(), ','),
            Audiences = Split(query["aud"].ToString(), ',') is { Length: > 0 } audiences
                ? audiences
                : [DemoIssuer.MobileAudience, DemoIssuer.WebAudience],
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddSeconds(ttl),
        };
        return Results.Text(issuer.Mint(token) + "\n", "text/plain");
    }

    private static string[] Split(string value, char separator) =>
        value.Split([separator, ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
