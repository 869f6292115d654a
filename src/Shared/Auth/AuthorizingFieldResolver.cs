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

    /// <summary>Throws the first rule's refusal (a coded <see cref="BffError"/>), if any.</summary>
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
/// Checks a subscription field's <c>@authorize</c> rules before its stream is opened: a refused subscription gets the
/// coded error (<c>UNAUTHENTICATED</c>, <c>FORBIDDEN</c>) instead of a stream, and its source is never called.
/// </summary>
internal sealed class AuthorizingStreamResolver(IReadOnlyList<AuthorizeRule> rules, ISourceStreamResolver inner, FieldAuthorizer authorizer) : ISourceStreamResolver
{
    public async ValueTask<IObservable<object?>> ResolveAsync(IResolveFieldContext context)
    {
        await AuthorizingFieldResolver.CheckAsync(rules, authorizer, context).ConfigureAwait(false);
        return await inner.ResolveAsync(context).ConfigureAwait(false);
    }
}
