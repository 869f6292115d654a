namespace Bff.Protobuf;

/// <summary>Bytes could not be decoded as the expected protobuf message (truncated or malformed data).</summary>
public sealed class ProtoDecodeException : Exception
{
    /// <summary>Creates the exception for a message of type <paramref name="messageName"/>.</summary>
    public ProtoDecodeException(string messageName, string reason, Exception? innerException = null)
        : base($"cannot decode {messageName}: {reason}", innerException)
    {
        MessageName = messageName;
    }

    /// <summary>Gets the full name of the message being decoded.</summary>
    public string MessageName { get; }
}
