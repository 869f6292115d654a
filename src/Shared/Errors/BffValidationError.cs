using GraphQL.Validation;
using GraphQLParser.AST;

namespace Bff;

/// <summary>A validation error of Bff's own rules (limits, introspection), with a stable code and extra extensions.</summary>
public sealed class BffValidationError : ValidationError
{
    /// <summary>Creates the error for <paramref name="node"/> of <paramref name="query"/>.</summary>
    public BffValidationError(string query, string code, string message, ASTNode? node, IReadOnlyDictionary<string, object?>? extensions = null)
        : base(query, null, message, node is null ? [] : [node])
    {
        Code = code;
        ExtraExtensions = extensions ?? new Dictionary<string, object?>();
    }

    /// <summary>Gets the extensions added beside <c>code</c> (e.g. <c>limit</c>).</summary>
    public IReadOnlyDictionary<string, object?> ExtraExtensions { get; }
}
