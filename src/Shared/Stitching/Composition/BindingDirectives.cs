namespace Bff.Stitching.Composition;

/// <summary>
/// The directives of the binding layer. They are declared by Bff, appended to every host's SDL, and hidden
/// from clients (introspection and the printed schema show only the client-facing schema).
/// </summary>
public static class BindingDirectives
{
    /// <summary>The names of the directives every host has (each protocol adds its binding directive).</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "from", "truncate", "range", "authorize", "cache",
    };

    /// <summary>Gets the names of every directive of a host that speaks <paramref name="protocols"/>.</summary>
    public static IReadOnlySet<string> NamesWith(DownstreamProtocols protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        return Names.Concat(protocols.All.Select(p => p.Directive)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Gets the SDL that declares every directive of a host that speaks <paramref name="protocols"/>.</summary>
    public static string SdlWith(DownstreamProtocols protocols)
    {
        ArgumentNullException.ThrowIfNull(protocols);
        return "\n" + string.Concat(protocols.All.Select(p => p.DirectiveSdl.TrimEnd() + "\n\n")) + Sdl.TrimStart('\n', '\r');
    }

    /// <summary>The names of the types the binding directives use (hidden like the directives).</summary>
    public static readonly IReadOnlySet<string> TypeNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CacheScope",
    };

    /// <summary>The SDL that declares the directives every host has (each protocol declares its own binding directive).</summary>
    public const string Sdl = """

        "Reads the field from another property of the parent's downstream object (dotted path)."
        directive @from(path: String!) on FIELD_DEFINITION

        "Shortens a string field to at most 'length' characters, ending with an ellipsis."
        directive @truncate(length: Int!) on FIELD_DEFINITION

        "Bounds an Int argument; a value outside fails the field with BAD_USER_INPUT before any downstream call."
        directive @range(min: Int, max: Int) on ARGUMENT_DEFINITION

        "Restricts a field (or every field of a type, and every field returning it) to authenticated callers with every listed scope, one of the listed roles, and the named policy. Checked before any downstream call."
        directive @authorize(
          "A named ASP.NET Core authorization policy (Bff:Auth:Policies or code)."
          policy: String
          "Scopes the caller must all have (the 'scope' or 'scp' claim)."
          scopes: [String!]
          "Roles of which the caller must have one."
          roles: [String!]
        ) on FIELD_DEFINITION | OBJECT
        "Caches the bound call's response for maxAge seconds, shared by every caller (PUBLIC) or kept per caller (PRIVATE)."
        directive @cache(maxAge: Int!, scope: CacheScope = PUBLIC) on FIELD_DEFINITION

        "Who may share a cached downstream response."
        enum CacheScope {
          "The same for every caller."
          PUBLIC
          "Per caller, keyed by the caller's validated identity; never stored for anonymous callers."
          PRIVATE
        }
        """;
}
