using Bff.Stitching;

namespace Bff.Tests.Incremental;

/// <summary>
/// Holds every downstream call to one source until the test opens the gate, as a slow service would; records the calls
/// and whether a held call was cancelled. First of the call filters, so nothing reaches the source while held.
/// </summary>
internal sealed class GatedSource(string source) : IDownstreamCallFilter
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    public int Order => int.MinValue;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Completes when the first call to the source arrives.</summary>
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a held call is cancelled (the request ended while it waited).</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public async Task<DownstreamResponse> InvokeAsync(DownstreamCall call, DownstreamCallDelegate next, CancellationToken cancellationToken)
    {
        if (call.Binding.Source == source)
        {
            Interlocked.Increment(ref _calls);
            Entered.TrySetResult();
            try
            {
                await _open.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult();
                throw;
            }
        }

        return await next(call, cancellationToken);
    }
}
