namespace Bff.Stitching.Bindings;

/// <summary>How a REST parameter's value is written into the URL, as its OpenAPI contract declares it.</summary>
/// <param name="Style">OpenAPI <c>style</c>: <c>form</c>, <c>spaceDelimited</c>, <c>pipeDelimited</c>, <c>deepObject</c>, <c>simple</c>, <c>label</c>, <c>matrix</c>.</param>
/// <param name="Explode">OpenAPI <c>explode</c>: a list or object written as several values.</param>
/// <param name="Name">The parameter's name in the contract (a <c>matrix</c> path parameter writes it).</param>
public sealed record ParameterSerialization(string? Style, bool Explode, string Name = "")
{
    /// <summary>Gets the serialisation used when the contract says nothing: comma-separated lists (<c>form</c>, not exploded).</summary>
    public static ParameterSerialization Unknown { get; } = new(null, false);
}
