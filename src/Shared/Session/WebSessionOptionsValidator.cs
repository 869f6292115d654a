using Microsoft.AspNetCore.Http;

namespace Bff.Session;

/// <summary>Checks <see cref="WebSessionOptions"/> at start-up; every problem names its configuration key.</summary>
public static class WebSessionOptionsValidator
{
    private const string Section = "Bff:Session";

    /// <summary>Returns every problem of <paramref name="options"/> (none when session mode is off).</summary>
    public static IEnumerable<string> Validate(WebSessionOptions options, Uri? authAuthority)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            yield break;
        }

        if ((options.Authority ?? authAuthority) is not { IsAbsoluteUri: true })
        {
            yield return $"{Section}:Authority: an absolute URL is required (or set Bff:Auth:Authority).";
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            yield return $"{Section}:ClientId: required when session mode is enabled.";
        }

        if (!options.CookieName.StartsWith("__Host-", StringComparison.Ordinal) || options.CookieName.Length <= 7)
        {
            yield return $"{Section}:CookieName: '{options.CookieName}' must start with '__Host-' (host-only, Secure, Path=/).";
        }

        if (options.SameSite is not (SameSiteMode.Lax or SameSiteMode.Strict))
        {
            yield return $"{Section}:SameSite: must be Lax or Strict.";
        }

        if (!options.BasePath.StartsWith('/') || options.BasePath.Length < 2 || options.BasePath.EndsWith('/'))
        {
            yield return $"{Section}:BasePath: '{options.BasePath}' must start with '/' and not end with it (e.g. /bff).";
        }

        if (options.IdleTimeout <= TimeSpan.Zero || options.AbsoluteTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:IdleTimeout and AbsoluteTimeout: must be positive.";
        }
        else if (options.IdleTimeout > options.AbsoluteTimeout)
        {
            yield return $"{Section}:IdleTimeout: must not be longer than AbsoluteTimeout.";
        }

        if (options.RefreshBefore < TimeSpan.Zero)
        {
            yield return $"{Section}:RefreshBefore: must not be negative.";
        }

        if (string.IsNullOrWhiteSpace(options.CsrfHeader) || string.IsNullOrWhiteSpace(options.CsrfValue))
        {
            yield return $"{Section}:CsrfHeader and CsrfValue: must not be empty.";
        }
        else if (Stitching.OutgoingHeaders.Refused.Contains(options.CsrfHeader))
        {
            yield return $"{Section}:CsrfHeader: '{options.CsrfHeader}' is a standard header; use a custom one such as X-CSRF.";
        }

        if (!options.EffectiveScopes.Contains("openid", StringComparer.Ordinal))
        {
            yield return $"{Section}:Scopes: must include 'openid'.";
        }
    }
}
