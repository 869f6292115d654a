namespace Bff.Limits;

/// <summary>Whether clients may introspect the schema (<c>Bff:Introspection</c>).</summary>
public sealed class IntrospectionOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether <c>__schema</c> and <c>__type</c> are answered. When refused, they fail
    /// validation with <c>INTROSPECTION_DISABLED</c> and "Did you mean …" suggestions are removed from error messages,
    /// so the schema cannot be guessed field by field. The IDE needs introspection.
    /// </summary>
    /// <value>Defaults to allowed in every environment except <c>Production</c>.</value>
    public bool? Enabled { get; set; }
}

/// <summary>The decision of <see cref="IntrospectionOptions"/> for the running environment.</summary>
/// <param name="Allowed">Whether introspection is answered.</param>
public sealed record IntrospectionPolicy(bool Allowed);
