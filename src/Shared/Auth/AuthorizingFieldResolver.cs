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
        await CheckAsync(rules, authorizer, context).ConfigureAwait(false);
        return await inner.ResolveAsync(context).ConfigureAwait(false);
    }

    /// <summary>Throws the <c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c> error of the first rule the caller does not meet.</summary>
    internal static async ValueTask CheckAsync(IReadOnlyList<AuthorizeRule> rules, FieldAuthorizer authorizer, IResolveFieldContext context)
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
    }
}

/// <summary>
/// Checks a <c>Subscription</c> field's <c>@authorize</c> rules when it subscribes: a refused subscription gets its
/// <c>UNAUTHENTICATED</c> or <c>FORBIDDEN</c> error at once, and no downstream stream is opened.
/// </summary>
internal sealed class AuthorizingStreamResolver(IReadOnlyList<AuthorizeRule> rules, ISourceStreamResolver inner, FieldAuthorizer authorizer) : ISourceStreamResolver
{
    public async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
    {
        await AuthorizingFieldResolver.CheckAsync(rules, authorizer, context).ConfigureAwait(false);
        return await inner.ResolveAsync(context).ConfigureAwait(false);
    }
}
