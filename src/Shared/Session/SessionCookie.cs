using Microsoft.AspNetCore.Http;

namespace Bff.Session;

/// <summary>
/// The session cookie: only the random session id, <c>__Host-</c> prefixed (host-only, <c>Secure</c>, <c>Path=/</c>:
/// a sibling subdomain cannot set or shadow it), HTTP-only (no script reads it) and SameSite Lax or Strict.
/// </summary>
internal static class SessionCookie
{
    public static string? Read(HttpRequest request, WebSessionOptions options) =>
        request.Cookies.TryGetValue(options.CookieName, out var value) && value is { Length: > 0 and <= 128 } ? value : null;

    public static void Write(HttpResponse response, WebSessionOptions options, string id, DateTimeOffset expires) =>
        response.Cookies.Append(options.CookieName, id, Options(options, expires));

    public static void Delete(HttpResponse response, WebSessionOptions options) =>
        response.Cookies.Delete(options.CookieName, Options(options, null));

    private static CookieOptions Options(WebSessionOptions options, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = options.SameSite,
        Path = "/",
        IsEssential = true,
        Expires = expires,
    };
}
