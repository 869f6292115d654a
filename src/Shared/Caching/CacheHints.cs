using Bff.Stitching.Bindings;

namespace Bff.Caching;

/// <summary>
/// What one operation's downstream calls said about caching: the shortest freshness left, whether any data was
/// per-caller, whether any call had no policy. The response's <c>Cache-Control</c> is derived from it.
/// </summary>
public sealed class CacheHints
{
    private readonly Lock _gate = new();
    private TimeSpan? _maxAge;

    /// <summary>Gets or sets the values of the configured vary headers of the incoming request, as one key part.</summary>
    public string VaryKey { get; set; } = "";

    /// <summary>Gets how many downstream calls were recorded.</summary>
    public int Calls { get; private set; }

    /// <summary>Gets a value indicating whether any call had no usable cache policy.</summary>
    public bool AnyUncached { get; private set; }

    /// <summary>Gets a value indicating whether any call's data was per-caller.</summary>
    public bool AnyPrivate { get; private set; }

    /// <summary>Gets the shortest freshness left among the cached calls, or <see langword="null"/> when there were none.</summary>
    public TimeSpan? MaxAge
    {
        get
        {
            lock (_gate)
            {
                return _maxAge;
            }
        }
    }

    /// <summary>Records a call served under <paramref name="scope"/> that stays fresh for <paramref name="freshFor"/>.</summary>
    public void Record(CacheScope scope, TimeSpan freshFor)
    {
        lock (_gate)
        {
            Calls++;
            AnyPrivate |= scope == CacheScope.Private;
            _maxAge = _maxAge is { } current && current < freshFor ? current : freshFor;
        }
    }

    /// <summary>Records a call without a usable cache policy: the response must not be stored.</summary>
    public void RecordUncached()
    {
        lock (_gate)
        {
            Calls++;
            AnyUncached = true;
        }
    }
}
