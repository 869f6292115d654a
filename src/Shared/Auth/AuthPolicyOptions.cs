namespace Bff.Auth;

/// <summary>
/// A named authorization policy defined in configuration (<c>Bff:Auth:Policies:{name}</c>). Every listed scope is
/// required; one of the listed roles is enough; every listed claim must have one of its values. Policies can also be
/// defined in code with <c>AddAuthorizationBuilder().AddPolicy(…)</c>; both are referenced by name in the SDL.
/// </summary>
public sealed class AuthPolicyOptions
{
    /// <summary>Gets the scopes the caller must all have.</summary>
    public List<string> Scopes { get; } = [];

    /// <summary>Gets the roles of which the caller must have one.</summary>
    public List<string> Roles { get; } = [];

    /// <summary>Gets the claims the caller must have, each with one of the listed values (an empty list: any value).</summary>
    public Dictionary<string, List<string>> Claims { get; } = new(StringComparer.Ordinal);
}
