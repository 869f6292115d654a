using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Bff.Http;

/// <summary>
/// Shapes every GraphQL error for clients: a stable <c>extensions.code</c>, Bff's own extensions, and nothing of an
/// exception's type, stack or inner message.
/// </summary>
public sealed class BffErrorInfoProvider : IErrorInfoProvider
{
    private readonly bool _maskSuggestions;

    /// <summary>Creates the provider; when introspection is refused, "Did you mean …" suggestions are removed from messages.</summary>
    public BffErrorInfoProvider(Limits.IntrospectionPolicy? introspection = null) => _maskSuggestions = introspection is { Allowed: false };

    /// <inheritdoc />
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = CodeOf(executionError) };
        if (executionError is BffError bff)
        {
            foreach (var (key, value) in bff.ExtraExtensions)
            {
                extensions[key] = value;
            }
        }
        else if (executionError is BffValidationError validation)
        {
            foreach (var (key, value) in validation.ExtraExtensions)
            {
                extensions[key] = value;
            }
        }
        else if (executionError is ValidationError { Number: { } number })
        {
            extensions["rule"] = number;
        }

        var message = executionError is UnhandledError ? "Internal error while resolving this field." : executionError.Message;
        if (_maskSuggestions && executionError is ValidationError)
        {
            message = Suggestions.Remove(message);
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static string CodeOf(ExecutionError error) => error switch
    {
        BffError bff => bff.Code ?? ErrorCodes.InternalServerError,
        BffValidationError validation => validation.Code ?? ErrorCodes.ValidationFailed,
        SyntaxError => ErrorCodes.ParseFailed,
        InvalidVariableError => ErrorCodes.BadUserInput,
        InvalidOperationNameError or NoOperationError or NoOperationNameError => ErrorCodes.OperationNotFound,
        ValidationError => ErrorCodes.ValidationFailed,
        UnhandledError => ErrorCodes.InternalServerError,
        DocumentError => ErrorCodes.BadRequest,
        _ => ErrorCodes.InternalServerError,
    };
}
