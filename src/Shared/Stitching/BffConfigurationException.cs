namespace Bff.Stitching;

/// <summary>
/// Thrown at start-up when the schema, its bindings or the sources are wrong. Carries every problem found,
/// each naming the file, the field and what is wrong, so one run shows them all.
/// </summary>
public sealed class BffConfigurationException : Exception
{
    /// <summary>Creates the exception from a list of problems.</summary>
    public BffConfigurationException(IReadOnlyList<string> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets the problems, one line each.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Format(IReadOnlyList<string> errors) =>
        $"Bff configuration is invalid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}):" + Environment.NewLine +
        string.Join(Environment.NewLine, errors.Select(e => "  - " + e));
}
