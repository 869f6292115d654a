using Microsoft.AspNetCore.Authorization;

namespace Bff.Auth;

/// <summary>Builds ASP.NET Core authorization policies from <see cref="AuthPolicyOptions"/>.</summary>
internal static class AuthPolicies
{
    public static void Configure(AuthorizationPolicyBuilder builder, AuthPolicyOptions policy)
    {
        builder.RequireAuthenticatedUser();
        if (policy.Scopes.Count > 0)
        {
            var scopes = policy.Scopes.ToArray();
            builder.RequireAssertion(context => scopes.All(scope => CallerClaims.HasScope(context.User, scope)));
        }

        if (policy.Roles.Count > 0)
        {
            builder.RequireRole(policy.Roles);
        }

        foreach (var (type, values) in policy.Claims)
        {
            if (values.Count > 0)
            {
                builder.RequireClaim(type, values);
            }
            else
            {
                builder.RequireClaim(type);
            }
        }
    }
}
