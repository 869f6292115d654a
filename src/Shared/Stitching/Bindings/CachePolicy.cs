namespace Bff.Stitching.Bindings;

/// <summary>Who may share a cached downstream response.</summary>
public enum CacheScope
{
    /// <summary>The same for every caller: one cache entry serves everyone.</summary>
    Public,

    /// <summary>Per caller: keyed by the caller's validated identity; never stored for an anonymous caller.</summary>
    Private,
}

/// <summary>The cache policy of a binding, declared with <c>@cache(maxAge:, scope:)</c>.</summary>
/// <param name="MaxAge">How long a response stays fresh.</param>
/// <param name="Scope">Who may share it.</param>
public sealed record CachePolicy(TimeSpan MaxAge, CacheScope Scope);
