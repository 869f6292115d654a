using GraphQL;

namespace Bff;

/// <summary>
/// A GraphQL error raised by Bff with a stable <c>extensions.code</c> and optional extra extensions.
/// Only errors of this type keep their message in responses; any other exception is masked.
/// </summary>
public class BffError : ExecutionError
{
    /// <summary>Creates an error with a code and a client-safe message.</summary>
    public BffError(string code, string message, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(message)
    {
        Code = code;
        ExtraExtensions = extensions ?? new Dictionary<string, object?>();
    }

    /// <summary>Gets the extensions added beside <c>code</c> (e.g. <c>source</c>, <c>status</c>).</summary>
    public IReadOnlyDictionary<string, object?> ExtraExtensions { get; }

    /// <summary>
    /// Gets a fresh copy (code, message, extensions) for another field. GraphQL.NET stamps a thrown error with the
    /// field's path and location, so one failure shared by several fields (a failed batch) needs one copy per field.
    /// </summary>
    public BffError CopyForField() => new(Code ?? ErrorCodes.InternalServerError, Message, ExtraExtensions);
}
