namespace Bff.Session;

/// <summary>Where login and logout may send the browser back to: a path of this app's own origin, nothing else.</summary>
public static class ReturnUrls
{
    /// <summary>
    /// Whether <paramref name="url"/> is a local path: it starts with one <c>/</c>, and neither <c>//</c> nor <c>/\</c>
    /// (browsers read both as another host), and holds no backslash or control character.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and <= 2048 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c));

    /// <summary>Gets <paramref name="url"/> when it is local, <c>/</c> when it is absent, else <see langword="null"/> (refused).</summary>
    public static string? Resolve(string? url) => string.IsNullOrEmpty(url) ? "/" : IsLocal(url) ? url : null;
}
