using System.Collections;
using GraphQL;
using GraphQL.Types;

namespace Bff.Auth;

/// <summary>
/// One <c>@authorize</c> directive: the caller must be authenticated, have every scope in <see cref="Scopes"/>, one of
/// the roles in <see cref="Roles"/> (when any) and pass the named <see cref="Policy"/> (when set).
/// </summary>
/// <param name="Where">The type or field the directive is on, for messages.</param>
/// <param name="Policy">A named ASP.NET Core authorization policy.</param>
/// <param name="Scopes">Scopes the caller must all have.</param>
/// <param name="Roles">Roles of which the caller must have one.</param>
public sealed record AuthorizeRule(string Where, string? Policy, IReadOnlyList<string> Scopes, IReadOnlyList<string> Roles)
{
    /// <summary>The directive's name.</summary>
    public const string DirectiveName = "authorize";

    /// <summary>Reads the <c>@authorize</c> directive of a field or type, or returns <see langword="null"/>.</summary>
    public static AuthorizeRule? Read(IMetadataReader element, string where)
    {
        var directive = element.GetAppliedDirectives()?.Find(DirectiveName);
        return directive is null
            ? null
            : new AuthorizeRule(
                where,
                directive.FindArgument("policy")?.Value as string,
                Strings(directive.FindArgument("scopes")?.Value),
                Strings(directive.FindArgument("roles")?.Value));
    }

    /// <inheritdoc />
    public bool Equals(AuthorizeRule? other) =>
        other is not null && Policy == other.Policy && Scopes.SequenceEqual(other.Scopes) && Roles.SequenceEqual(other.Roles);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Policy, string.Join(' ', Scopes), string.Join(' ', Roles));

    private static string[] Strings(object? value) => value switch
    {
        null => [],
        string one => [one],
        IEnumerable many => many.Cast<object?>().Select(v => v?.ToString() ?? "").ToArray(),
        _ => [value.ToString() ?? ""],
    };
}
