namespace Bff.Stitching;

/// <summary>
/// Reads a contract from a service that may still be starting (gRPC server reflection, GraphQL introspection): a try
/// that finds the service not there yet is repeated after a doubling delay (0.1 s up to 2 s, the last one cut to the
/// deadline) until <see cref="SourceOptions.ContractWait"/> has run out.
/// </summary>
internal static class ContractFetch
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs <paramref name="attempt"/>, given the time left, until it gives a final answer or the wait runs out; then
    /// returns that answer (<see cref="Attempt{T}.Value"/>, <see langword="null"/> after a reported problem) or the last
    /// problem, with the number of tries.
    /// </summary>
    public static async Task<(Attempt<T> Last, int Attempts)> RetryAsync<T>(TimeSpan wait, TimeProvider time, Func<TimeSpan, Task<Attempt<T>>> attempt)
        where T : class
    {
        var started = time.GetTimestamp();
        var delay = FirstDelay;
        for (var attempts = 1; ; attempts++)
        {
            var outcome = await attempt(wait - time.GetElapsedTime(started)).ConfigureAwait(false);
            var left = wait - time.GetElapsedTime(started);
            if (outcome.Final || left <= TimeSpan.Zero)
            {
                return (outcome, attempts);
            }

            await Task.Delay(delay < left ? delay : left, time).ConfigureAwait(false);
            delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
        }
    }
}

/// <summary>One try of <see cref="ContractFetch.RetryAsync{T}"/>: final (a value, or <see langword="null"/> after a reported problem) or worth repeating.</summary>
/// <param name="Final">Whether trying again cannot help.</param>
/// <param name="Value">The contract read, when final.</param>
/// <param name="Problem">Why the try failed, when it is worth repeating.</param>
internal readonly record struct Attempt<T>(bool Final, T? Value, string Problem)
    where T : class
{
    /// <summary>A final answer.</summary>
    public static Attempt<T> Done(T? value) => new(true, value, "");

    /// <summary>A failure worth repeating while the service starts.</summary>
    public static Attempt<T> Again(string problem) => new(false, null, problem);
}
