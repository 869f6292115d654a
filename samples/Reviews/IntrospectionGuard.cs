namespace Bff.Samples.Reviews;

/// <summary>Lets introspection in only with a bearer token, when the service is given one (a service that guards its schema).</summary>
/// <param name="token">The token introspection needs, or <see langword="null"/>: introspection is open.</param>
public sealed class IntrospectionGuard(string? token)
{
    /// <summary>Gets whether <paramref name="query"/> may run with the <c>Authorization</c> header <paramref name="authorization"/>.</summary>
    public bool Allows(string query, string? authorization) =>
        token is null || !query.Contains("__schema", StringComparison.Ordinal) || authorization == "Bearer " + token;
}
