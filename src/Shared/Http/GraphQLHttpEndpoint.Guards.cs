using Bff.Operations;
using Bff.Auth;
using Bff.Limits;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace Bff.Http;

/// <summary>The checks made before a request is read or an operation parsed: caller, CSRF, size limits.</summary>
public sealed partial class GraphQLHttpEndpoint
{
    /// <summary>The headers that prove a GET is not a cross-site simple request (strict CSRF mode).</summary>
    private static readonly string[] PreflightHeaders = ["GraphQL-Preflight", "X-Apollo-Operation-Name", "Apollo-Require-Preflight"];

    private async Task<(Caller Caller, RequestRefusal? Refusal)> GuardAsync(HttpContext context)
    {
        // Web session mode (src/Shared/Session): without Authorization, the session cookie (+ CSRF header) is the credential.
        var (token, refusal) = _sessions is not null && _sessions.Applies(context.Request)
            ? await _sessions.AuthenticateAsync(context).ConfigureAwait(false)
            : await BearerTokens.AuthenticateAsync(context).ConfigureAwait(false);
        if (refusal is not null)
        {
            return (Caller.Anonymous, refusal);
        }

        if (_http.RequirePreflightHeader && HttpMethods.IsGet(context.Request.Method)
            && !PreflightHeaders.Any(h => !string.IsNullOrWhiteSpace(context.Request.Headers[h])))
        {
            return (Caller.Anonymous, new(StatusCodes.Status400BadRequest, ErrorCodes.CsrfPreflightRequired,
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

        return (new Caller(token, headers), null);
    }

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

    /// <summary>Who is calling: the validated token (if any) and the headers sources may receive.</summary>
    private sealed record Caller(string? Token, IReadOnlyDictionary<string, string> ForwardedHeaders)
    {
        public static readonly Caller Anonymous = new(null, new Dictionary<string, string>());
    }
}
