namespace Bff.Samples.Identity;

/// <summary>
/// A client registered at the demo issuer (a BFF in session mode): where codes and logouts may be sent back to,
/// and where back-channel logout tokens are posted.
/// </summary>
public sealed class DemoClient
{
    /// <summary>Gets the client id (<c>aud</c> of its id and logout tokens).</summary>
    public required string ClientId { get; init; }

    /// <summary>Gets the redirect and post-logout redirect path suffixes accepted on any loopback origin (demo: ports are dynamic).</summary>
    public IReadOnlyList<string> LoopbackPaths { get; init; } = ["/bff/signin-oidc", "/bff/signout-callback-oidc"];

    /// <summary>Gets the addresses the issuer posts logout tokens to (one per deployment: it reaches any replica).</summary>
    public List<Uri> BackChannelLogoutUris { get; } = [];

    /// <summary>Whether <paramref name="uri"/> is an accepted redirect: http(s) on localhost or 127.0.0.1, with a registered path.</summary>
    public bool AcceptsRedirect(string? uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        && parsed.Scheme is "http" or "https"
        && parsed.Host is "localhost" or "127.0.0.1"
        && string.IsNullOrEmpty(parsed.Query) && string.IsNullOrEmpty(parsed.Fragment)
        && LoopbackPaths.Contains(parsed.AbsolutePath, StringComparer.Ordinal);
}
