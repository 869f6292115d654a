using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.DI;

namespace Bff.Http;

/// <summary>
/// For a document from the <see cref="Documents.DocumentCache"/>, runs only the validation rules registered for cached documents
/// (those that depend on variables or the caller); a cached document already passed every other rule. Runs last, so
/// rules added with <c>AddValidationRule(…, useForCachedDocuments: true)</c> are composed first.
/// </summary>
internal sealed class CachedDocumentValidation : IConfigureExecution
{
    public float SortOrder => 10_000;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.UserContext is BffRequestContext { DocumentFromCache: true })
        {
            options.ValidationRules = options.CachedDocumentValidationRules ?? [];
        }

        return next(options);
    }
}
