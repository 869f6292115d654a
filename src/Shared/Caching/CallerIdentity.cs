using System.Security.Claims;

namespace Bff.Caching;

/// <summary>The validated identity a per-caller entry (cache, rate limit) is keyed by.</summary>
public static class CallerIdentity
{
    /// <summary>
    /// Gets <c>issuer|sub</c> of an authenticated caller, or <see langword="null"/> for an anonymous one. <c>sub</c> is
    /// read as is or as the name identifier claim it is mapped to by default.
    /// </summary>
    public static string? Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.NameIdentifier);
        return string.IsNullOrEmpty(subject?.Value) ? null : subject.Issuer + "|" + subject.Value;
    }
}
