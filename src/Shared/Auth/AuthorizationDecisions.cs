using System.Collections.Concurrent;

namespace Bff.Auth;

/// <summary>
/// The <c>@authorize</c> decisions made for one operation (a request feature): <see langword="null"/> allows, else the
/// refusal's code and message. Each rule is decided once per operation however many fields it guards.
/// </summary>
internal sealed class AuthorizationDecisions : ConcurrentDictionary<AuthorizeRule, (string Code, string Message)?>
{
}
