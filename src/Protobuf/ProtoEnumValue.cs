namespace Bff.Protobuf;

/// <summary>One value of a protobuf enum.</summary>
public sealed class ProtoEnumValue
{
    internal ProtoEnumValue(string name, int number, int line)
    {
        Name = name;
        Number = number;
        Line = line;
    }

    /// <summary>Gets the value name as written (e.g. <c>PROPOSAL_STATUS_PENDING</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the value number.</summary>
    public int Number { get; }

    /// <summary>Gets the 1-based line of the declaration.</summary>
    public int Line { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} = {Number}";
}
