using Bff.Auth;
using Bff.Operations;
using Bff.Limits;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Bff.Http;

/// <summary>Who is calling: the validated token (if any) and the headers sources may receive.</summary>
/// <param name="Token">The caller's validated bearer token (or the session's access token).</param>
/// <param name="ForwardedHeaders">The incoming headers some source forwards.</param>
internal sealed record GraphQLCaller(string? Token, IReadOnlyDictionary<string, string> ForwardedHeaders)
{
    public static readonly GraphQLCaller Anonymous = new(null, new Dictionary<string, string>());
}

/// <summary>The checks made before a request is read or an operation parsed: caller, CSRF, size limits.</summary>
internal sealed partial class GraphQLOperationPipeline
{
    /// <summary>The headers that prove a GET is not a cross-site simple request (strict CSRF mode).</summary>
    private static readonly string[] PreflightHeaders = ["GraphQL-Preflight", "X-Apollo-Operation-Name", "Apollo-Require-Preflight"];

    /// <summary>
    /// Authenticates the request (bearer token, or the session cookie and its CSRF header in web session mode) and
    /// applies the strict CSRF rule for GET; sets <see cref="HttpContext.User"/>.
    /// </summary>
    public async Task<(GraphQLCaller Caller, RequestRefusal? Refusal)> GuardAsync(HttpContext context)
    {
        // Web session mode (src/Shared/Session): without Authorization, the session cookie (+ CSRF header) is the credential.
        var (token, refusal) = _sessions is not null && _sessions.Applies(context.Request)
            ? await _sessions.AuthenticateAsync(context).ConfigureAwait(false)
            : await BearerTokens.AuthenticateAsync(context).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (GraphQLCaller.Anonymous, refusal);
        }

        if (_http.RequirePreflightHeader && HttpMethods.IsGet(context.Request.Method)
            && !PreflightHeaders.Any(h => !string.IsNullOrWhiteSpace(context.Request.Headers[h])))
        {
            return (GraphQLCaller.Anonymous, new(StatusCodes.Status400BadRequest, ErrorCodes.CsrfPreflightRequired,
                "GET requests must carry a 'GraphQL-Preflight: 1' header (or X-Apollo-Operation-Name / Apollo-Require-Preflight)."));
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _forwardHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var value) && value.ToString() is { Length: > 0 } text)
            {
                headers[name] = text;
            }
        }

        return (new GraphQLCaller(token, headers), null);
    }

    /// <summary>
    /// Guards a WebSocket's caller: as <see cref="GuardAsync"/>, except that a session cookie needs no CSRF header. A
    /// browser cannot add one to a handshake; the handshake's <c>Origin</c> has been checked instead, which is what
    /// stops a page of another site from using the cookie.
    /// </summary>
    public Task<(GraphQLCaller Caller, RequestRefusal? Refusal)> GuardOriginCheckedAsync(HttpContext context)
    {
        if (_sessions is not null && _sessions.Applies(context.Request))
        {
            context.Request.Headers[_session.CsrfHeader] = _session.CsrfValue;
        }

        return GuardAsync(context);
    }

    /// <summary>Gets the budget of one operation that is not a subscription (<c>Bff:Http:RequestTimeout</c>).</summary>
    public TimeSpan RequestTimeout => _http.RequestTimeout;

    /// <summary>Gets the largest request accepted, which bounds a WebSocket message too (<c>Bff:Http:MaxRequestBodyBytes</c>).</summary>
    public long MaxRequestBytes => _http.MaxRequestBodyBytes;

    private BffError? CheckVariables(GraphQLRequest request)
    {
        var max = _limits.MaxVariablesBytes;
        if (max <= 0 || request.Variables is not { Count: > 0 } variables)
        {
            return null;
        }

        var size = System.Text.Encoding.UTF8.GetByteCount(_serializer.Serialize(variables));
        return size > max
            ? LimitErrors.Request(ErrorCodes.VariablesTooLarge, $"The variables are {size} bytes; the limit is {max}.", max, size)
            : null;
    }
}
