using GraphQL;

namespace Bff.Operations;

/// <summary>Builds the answers operation filters give instead of executing an operation.</summary>
public static class GraphQLOperationOutcomes
{
    /// <summary>An outcome with one <see cref="BffError"/>.</summary>
    public static GraphQLOperationOutcome Error(int status, string code, string message, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(new ExecutionResult { Errors = [new BffError(code, message, extensions)] }, status);
}
