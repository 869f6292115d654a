namespace Bff.Stitching;

/// <summary>
/// The directives of the binding layer. They are declared by Bff, appended to every host's SDL, and hidden
/// from clients (introspection and the printed schema show only the client-facing schema).
/// </summary>
public static class BindingDirectives
{
    /// <summary>The names of the binding directives.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "rest", "grpc", "from", "truncate", "range", "authorize", "cache",
    };

    /// <summary>The names of the types the binding directives use (hidden like the directives).</summary>
    public static readonly IReadOnlySet<string> TypeNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "CacheScope",
    };

    /// <summary>The SDL that declares the binding directives.</summary>
    public const string Sdl = """

        "Binds a field to a REST call on a configured source. Templates take {args.x}, {parent.x}, {claims.x} and, when batched, {keys}."
        directive @rest(
          source: String!
          method: String = "GET"
          "Path and query string, e.g. /jobs/{args.id} or /jobs?limit={args.first}. A query parameter whose value is null is left out."
          path: String!
          "Request headers, 'Name: template, Other: template'."
          headers: String
          "JSON body: 'name: template, nested.name: template', or one placeholder such as {args.input}."
          body: String
          "Dotted path into the response whose value becomes the field's value."
          select: String
          "Batches the field across parents: the key of each parent, e.g. {parent.clientId}; the call carries {keys}."
          batchKey: String
          "Dotted path of the property of each response item matched against the batch key."
          matchOn: String = "id"
          "Dotted path of the value taken from each matched item (default: the whole item)."
          pick: String
        ) on FIELD_DEFINITION

        "Binds a field to a gRPC unary call on a configured source."
        directive @grpc(
          source: String!
          "package.Service/Method"
          method: String!
          "Request message: 'field: template, nested.field: template'."
          request: String
          select: String
          batchKey: String
          matchOn: String = "id"
          pick: String
        ) on FIELD_DEFINITION

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
