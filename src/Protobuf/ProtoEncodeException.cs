namespace Bff.Protobuf;

/// <summary>
/// A JSON value could not be encoded as a protobuf message. The message names the field path, e.g.
/// <c>ListProposalsRequest.page_size: "abc" is not an int32</c>.
/// </summary>
public sealed class ProtoEncodeException : Exception
{
    /// <summary>Creates the exception for the field at <paramref name="fieldPath"/>.</summary>
    public ProtoEncodeException(string fieldPath, string reason)
        : base($"{fieldPath}: {reason}")
    {
        FieldPath = fieldPath;
        Reason = reason;
    }

    /// <summary>Gets the path of the offending value: message name, then fields, indexes and map keys.</summary>
    public string FieldPath { get; }

    /// <summary>Gets the problem, without the path.</summary>
    public string Reason { get; }
}
