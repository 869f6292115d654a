namespace Bff.Stitching;

/// <summary>How the streams of one source behave once open (<c>Bff:Sources:{name}:Streams</c>).</summary>
public sealed class StreamOptions
{
    /// <summary>Gets what happens when an open stream fails: by default its subscribers get one error and the end.</summary>
    public ResubscribeOptions Resubscribe { get; } = new();
}

/// <summary>
/// Opening a failed stream again (<c>Bff:Sources:{name}:Streams:Resubscribe</c>). Only failures that may pass
/// (<c>DOWNSTREAM_UNAVAILABLE</c>, <c>DOWNSTREAM_TIMEOUT</c>, a transient <c>DOWNSTREAM_ERROR</c>) are retried; an open
/// circuit or a refused request ends the subscription at once. Subscribers see no error while an attempt may follow;
/// they may miss the messages sent while the stream was down.
/// </summary>
public sealed class ResubscribeOptions
{
    /// <summary>
    /// Gets or sets how many times in a row a failed stream is opened again before its subscribers get the error. A
    /// message received resets the count.
    /// </summary>
    /// <value>Defaults to 0: a failure ends the subscription with one error. At most 100.</value>
    public int MaxAttempts { get; set; }

    /// <summary>Gets or sets the wait before the first new attempt; each next wait doubles, up to <see cref="MaxDelay"/>.</summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait between attempts.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the wait before attempt <paramref name="attempt"/> (1 for the first), with up to 20 % jitter so subscribers do not return together.</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var doubled = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(doubled, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.2)));
    }
}
