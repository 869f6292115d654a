using System.Security.Claims;
using Bff.Stitching.Execution;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Bff.Auth;

/// <summary>
/// Decides whether a caller may resolve a field protected by <c>@authorize</c>. Decisions are remembered for the
/// request, so a protected field in a list of 100 items is decided once.
/// </summary>
public sealed class FieldAuthorizer
{
    private readonly IAuthorizationService _authorization;
    private readonly AuthorizationOptions _policies;

    /// <summary>Creates the authorizer.</summary>
    public FieldAuthorizer(IAuthorizationService authorization, IOptions<AuthorizationOptions> policies)
    {
        _authorization = authorization;
        _policies = policies.Value;
    }

    /// <summary>Whether a policy of this name is defined (in configuration or code).</summary>
    public bool PolicyExists(string name) => _policies.GetPolicy(name) is not null;

    /// <summary>Returns the refusal for <paramref name="rule"/>, or <see langword="null"/> when the caller may proceed.</summary>
    public async ValueTask<BffError?> CheckAsync(AuthorizeRule rule, ClaimsPrincipal user, BffRequestContext request)
    {
        if (!request.Features.Get<AuthorizationDecisions>().TryGetValue(rule, out var decision))
        {
            decision = await DecideAsync(rule, user).ConfigureAwait(false);
            request.Features.Get<AuthorizationDecisions>()[rule] = decision;
        }

        return decision is null ? null : new BffError(decision.Value.Code, decision.Value.Message);
    }

    private async Task<(string Code, string Message)?> DecideAsync(AuthorizeRule rule, ClaimsPrincipal user)
    {
        if (!CallerClaims.IsAuthenticated(user))
        {
            return (ErrorCodes.Unauthenticated, "This field needs an authenticated caller.");
        }

        var missing = rule.Scopes.Where(scope => !CallerClaims.HasScope(user, scope)).ToList();
        if (missing.Count > 0)
        {
            return (ErrorCodes.Forbidden, $"This field needs the scope {string.Join(" and ", missing.Select(s => $"'{s}'"))}.");
        }

        if (rule.Roles.Count > 0 && !rule.Roles.Any(user.IsInRole))
        {
            return (ErrorCodes.Forbidden, $"This field needs the role {string.Join(" or ", rule.Roles.Select(r => $"'{r}'"))}.");
        }

        if (rule.Policy is { } policy && !(await _authorization.AuthorizeAsync(user, policy).ConfigureAwait(false)).Succeeded)
        {
            return (ErrorCodes.Forbidden, "You are not allowed to see this field.");
        }

        return null;
    }
}
