using GraphQL.Types;

namespace Bff.Auth;

/// <summary>
/// Applies <c>@authorize</c> at schema build time: a field is guarded by its own rule, its declaring type's rule and
/// the rule of the object type it returns (so the call that would fetch a protected type is never made). A
/// <c>Subscription</c> field is checked when it subscribes (and again for each event, as any field is).
/// </summary>
internal static class AuthorizationWiring
{
    public static void Apply(ISchema schema, FieldAuthorizer? authorizer, Func<string, string> where, List<string> errors)
    {
        foreach (var type in schema.AllTypes.OfType<IObjectGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            var typeRule = AuthorizeRule.Read(type, type.Name);
            if (typeRule is not null)
            {
                Check(typeRule, authorizer, where(type.Name), errors);
            }

            foreach (var field in type.Fields)
            {
                var coordinate = $"{type.Name}.{field.Name}";
                var fieldRule = AuthorizeRule.Read(field, coordinate);
                if (fieldRule is not null)
                {
                    Check(fieldRule, authorizer, where(coordinate), errors);
                }

                var returned = Unwrap(field.ResolvedType);
                var rules = new[] { fieldRule, typeRule, returned is null ? null : AuthorizeRule.Read(returned, returned.Name) }
                    .OfType<AuthorizeRule>()
                    .Distinct()
                    .ToList();
                if (rules.Count == 0)
                {
                    continue;
                }

                if (authorizer is not null && field.Resolver is { } inner)
                {
                    field.Resolver = new AuthorizingFieldResolver(rules, inner, authorizer);
                }

                // A subscription is refused when it subscribes, before its stream is opened.
                if (authorizer is not null && field.StreamResolver is { } stream)
                {
                    field.StreamResolver = new AuthorizingStreamResolver(rules, stream, authorizer);
                }
            }
        }
    }

    private static void Check(AuthorizeRule rule, FieldAuthorizer? authorizer, string location, List<string> errors)
    {
        if (authorizer is null)
        {
            errors.Add($"{location}: {rule.Where}: @authorize needs authentication, which is not configured.");
        }
        else if (rule.Policy is { } policy && !authorizer.PolicyExists(policy))
        {
            errors.Add($"{location}: {rule.Where}: @authorize policy '{policy}' is not defined (add it under Bff:Auth:Policies or in code).");
        }

        if (rule.Scopes.Concat(rule.Roles).Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{location}: {rule.Where}: @authorize has an empty scope or role.");
        }
    }

    private static IObjectGraphType? Unwrap(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType),
        ListGraphType list => Unwrap(list.ResolvedType),
        IObjectGraphType named => named,
        _ => null,
    };
}
