using System.Threading.Channels;
using Bff.Operations;
using Microsoft.AspNetCore.Http;

namespace Bff.Incremental;

/// <summary>
/// The incremental answer of one operation: counts the parts its execution starts and hands each, once done and once
/// the part it hangs under has been sent, to the writer of the <c>multipart/mixed</c> answer
/// (<see cref="WriteAsync"/>). Created by the endpoint for a request that accepts <c>multipart/mixed</c>.
/// </summary>
public sealed partial class IncrementalDelivery : IDisposable
{
    /// <summary>The media type of incremental answers.</summary>
    public const string MediaType = "multipart/mixed";

    /// <summary>The version of the incremental delivery format spoken (Apollo Client's and Apollo Router's <c>deferSpec</c>).</summary>
    public const string DeferSpec = "20220824";

    private readonly Channel<IncrementalPart> _done = Channel.CreateUnbounded<IncrementalPart>(new() { SingleReader = true });
    private readonly List<Task> _running = [];
    private readonly TaskCompletionSource _initialSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _ended = new();
    private int _outstanding;
    private Stitching.Execution.BffRequestContext? _request;

    /// <summary>Gets a value indicating whether the execution deferred anything (so the answer is sent in parts).</summary>
    public bool HasParts => Volatile.Read(ref _outstanding) > 0;

    /// <summary>
    /// Offers incremental delivery to one operation when the host has it on and the request accepts
    /// <c>multipart/mixed</c> (with no <c>deferSpec</c> or <c>deferSpec=20220824</c>); a batch never gets it.
    /// </summary>
    /// <returns>The delivery, also kept in the request's features for <see cref="Attach"/>; <see langword="null"/> when not offered.</returns>
    public static IncrementalDelivery? Offer(HttpContext http, IncrementalOptions options, bool isBatch)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || isBatch || !Accepts(http.Request))
        {
            return null;
        }

        var delivery = new IncrementalDelivery();
        http.Features.Set(delivery);
        http.Response.RegisterForDispose(delivery);
        return delivery;
    }

    /// <summary>Makes the operation execute with incremental delivery when <see cref="Offer"/> offered it.</summary>
    public static void Attach(GraphQLOperationContext operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.HttpContext.Features.Get<IncrementalDelivery>() is { } delivery)
        {
            operation.RequestContext.Features.Get<IncrementalRequest>().Delivery = delivery;
            delivery._request = operation.RequestContext;
        }
    }

    /// <summary>Whether the request's <c>Accept</c> allows a <c>multipart/mixed</c> answer in the format spoken here.</summary>
    public static bool Accepts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var type in AcceptHeader.Of(request))
        {
            if (type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase) && (type.Quality ?? 1) > 0)
            {
                var spec = type.Parameters.FirstOrDefault(p => p.Name.Equals("deferSpec", StringComparison.OrdinalIgnoreCase));
                if (spec is null || spec.Value.Equals(DeferSpec, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <inheritdoc />
    public void Dispose() => _ended.Dispose();

    internal static BffError TimedOut() =>
        new(ErrorCodes.GatewayTimeout, "The request's time budget ran out before this part was complete.");

    internal IncrementalPart Begin(IncrementalPart? enclosing)
    {
        Interlocked.Increment(ref _outstanding);
        return new IncrementalPart(enclosing?.Sent.Task ?? _initialSent.Task);
    }

    internal void Track(Task task)
    {
        lock (_running)
        {
            _running.Add(task);
        }
    }

    internal async Task FinishAsync(IncrementalPart part)
    {
        // A part never arrives before the data it merges into; parts nested in an unsent one end with the request.
        await part.EnclosingSent.WaitAsync(_ended.Token).ConfigureAwait(false);
        _done.Writer.TryWrite(part);
    }
}

/// <summary>The request-context feature that tells the execution strategy selector to deliver incrementally.</summary>
public sealed class IncrementalRequest
{
    /// <summary>Gets or sets the delivery of the operation, or <see langword="null"/> for a whole answer.</summary>
    public IncrementalDelivery? Delivery { get; set; }
}
