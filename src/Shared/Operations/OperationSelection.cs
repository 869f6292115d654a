using GraphQLParser.AST;

namespace Bff.Operations;

/// <summary>Which operation of a document a request runs, by the GraphQL rules: the named one, else the only one.</summary>
internal static class OperationSelection
{
    /// <summary>Gets the operation <paramref name="name"/> selects, or <see langword="null"/> when none or several could.</summary>
    public static GraphQLOperationDefinition? Select(GraphQLDocument document, string? name)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        return name is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.Find(o => o.Name?.StringValue == name);
    }
}
