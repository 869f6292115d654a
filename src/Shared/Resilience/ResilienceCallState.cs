using Bff.Stitching;
using Polly;

namespace Bff.Resilience;

/// <summary>One downstream call on its way through its source's pipeline: what the strategies need to know about it.</summary>
internal sealed class ResilienceCallState
{
    /// <summary>The key the state is stored under in Polly's <see cref="ResilienceContext"/>.</summary>
    public static readonly ResiliencePropertyKey<ResilienceCallState> Key = new("bff.call");

    public ResilienceCallState(DownstreamCall call, DownstreamCallDelegate next, bool idempotent, DateTimeOffset deadline)
    {
        Call = call;
        Next = next;
        Idempotent = idempotent;
        Deadline = deadline;
    }

    /// <summary>Gets the call.</summary>
    public DownstreamCall Call { get; }

    /// <summary>Gets the rest of the filter chain, ending at the connector.</summary>
    public DownstreamCallDelegate Next { get; }

    /// <summary>Gets a value indicating whether the call may be repeated (safe REST method, idempotent gRPC method).</summary>
    public bool Idempotent { get; }

    /// <summary>Gets when the whole call (every attempt) must be over: the source's timeout or the request's deadline.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>Gets or sets when the current attempt must be over.</summary>
    public DateTimeOffset AttemptDeadline { get; set; }

    /// <summary>Gets or sets how many attempts were started.</summary>
    public int Attempts { get; set; }

    public static ResilienceCallState Of(ResilienceContext context) =>
        context.Properties.GetValue(Key, null!) ?? throw new InvalidOperationException("The call state is missing from the resilience context.");
}
