using System.Globalization;

namespace Bff.Caching;

/// <summary>
/// A response's <c>Cache-Control</c>: not storable, or storable for <see cref="MaxAge"/> seconds by the client only
/// (<c>private</c>) or by shared caches too (<c>public</c>). Combining two (a batch) keeps the stricter of each part.
/// </summary>
/// <param name="NoStore">Whether the response must not be stored at all.</param>
/// <param name="Private">Whether only the caller's own cache may store it.</param>
/// <param name="MaxAge">Seconds the response stays fresh.</param>
public sealed record CacheControlValue(bool NoStore, bool Private, int MaxAge)
{
    /// <summary>A response that must not be stored.</summary>
    public static readonly CacheControlValue DoNotStore = new(true, true, 0);

    /// <summary>Derives the value of one operation's response.</summary>
    /// <param name="hints">What its downstream calls said.</param>
    /// <param name="hasErrors">Whether the result carries errors (partial data is never stored).</param>
    /// <param name="authenticated">Whether the caller was authenticated (its response may depend on who asks).</param>
    public static CacheControlValue From(CacheHints hints, bool hasErrors, bool authenticated)
    {
        var seconds = hints.MaxAge is { } maxAge ? (int)Math.Floor(maxAge.TotalSeconds) : 0;
        if (hasErrors || hints.Calls == 0 || hints.AnyUncached || seconds <= 0)
        {
            return DoNotStore;
        }

        return new CacheControlValue(false, hints.AnyPrivate || authenticated, seconds);
    }

    /// <summary>Combines two values, keeping the stricter of each part.</summary>
    public CacheControlValue Combine(CacheControlValue other) =>
        NoStore || other.NoStore ? DoNotStore : new(false, Private || other.Private, Math.Min(MaxAge, other.MaxAge));

    /// <inheritdoc />
    public override string ToString() =>
        NoStore ? "no-store" : string.Create(CultureInfo.InvariantCulture, $"{(Private ? "private" : "public")}, max-age={MaxAge}");
}
