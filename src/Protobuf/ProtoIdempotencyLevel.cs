namespace Bff.Protobuf;

/// <summary>The <c>idempotency_level</c> option of an rpc method.</summary>
public enum ProtoIdempotencyLevel
{
    /// <summary>Not declared: the call may have side effects and must not be retried blindly.</summary>
    Unknown,
    /// <summary><c>NO_SIDE_EFFECTS</c>: a read; safe to retry and to cache.</summary>
    NoSideEffects,
    /// <summary><c>IDEMPOTENT</c>: may change state, but repeating it has the same effect as once.</summary>
    Idempotent,
}
