using Bff.Stitching.Execution;
using GraphQL;
using GraphQL.Resolvers;

namespace Bff.Auth;

/// <summary>
/// Checks a field's <c>@authorize</c> rules before its own resolver runs, so a refused field makes no downstream call:
/// it resolves to <see langword="null"/> with an <c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c> error, and the rest of the
/// query is unaffected.
/// </summary>
internal sealed class AuthorizingFieldResolver(IReadOnlyList<AuthorizeRule> rules, IFieldResolver inner, FieldAuthorizer authorizer) : IFieldResolver
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var request = BffRequestContext.From(context);
        var user = context.User ?? request.User;
        foreach (var rule in rules)
        {
            if (await authorizer.CheckAsync(rule, user, request).ConfigureAwait(false) is { } refusal)
            {
                throw refusal;
            }
        }

        return await inner.ResolveAsync(context).ConfigureAwait(false);
    }
}
