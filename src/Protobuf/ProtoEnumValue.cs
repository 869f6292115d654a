namespace Bff.Protobuf;

/// <summary>One value of a protobuf enum.</summary>
public sealed class ProtoEnumValue
{
    internal ProtoEnumValue(string name, int number)
    {
        Name = name;
        Number = number;
    }

    /// <summary>Gets the value name as written (e.g. <c>PROPOSAL_STATUS_PENDING</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the value number.</summary>
    public int Number { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} = {Number}";
}
