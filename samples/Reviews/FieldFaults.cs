namespace Bff.Samples.Reviews;

/// <summary>Field-level fault hooks of the reviews service (the request-level ones are <c>HttpFaults</c>). Thread-safe.</summary>
public sealed class FieldFaults
{
    private volatile string? _failing;

    /// <summary>Gets or sets the field (<c>Type.field</c>, e.g. <c>Review.text</c>) whose resolver fails with a coded GraphQL error.</summary>
    /// <value><see langword="null"/>: every field resolves.</value>
    public string? FailingField
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Gets whether <paramref name="coordinate"/> is set to fail.</summary>
    public bool Fails(string coordinate) => _failing == coordinate;
}
