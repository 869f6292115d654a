using Bff.Auth;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bff.Session;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0: the provider POSTs a signed logout token; every session of its
/// <c>sid</c> (or, without one, of its <c>sub</c>) ends in the shared store, so on every replica at once.
/// </summary>
public sealed class BackChannelLogout
{
    /// <summary>The event a logout token must declare.</summary>
    public const string Event = "http://schemas.openid.net/event/backchannel-logout";

    private readonly SessionStore _store;
    private readonly AuthOptions _auth;
    private readonly IOptionsMonitor<OpenIdConnectOptions> _oidc;
    private readonly ILogger<BackChannelLogout> _logger;

    /// <summary>Creates the endpoint's handler.</summary>
    public BackChannelLogout(SessionStore store, AuthOptions auth, IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<BackChannelLogout> logger) =>
        (_store, _auth, _oidc, _logger) = (store, auth, oidc, logger);

    /// <summary>Handles the provider's POST: 200 when the token is valid (sessions ended), 400 otherwise.</summary>
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.HasFormContentType)
        {
            return Refuse("not a form post");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form["logout_token"].ToString() is not { Length: > 0 and < 16_384 } token)
        {
            return Refuse("no logout_token");
        }

        try
        {
            var (subject, sid, problem) = await ValidateAsync(token).ConfigureAwait(false);
            if (problem is not null)
            {
                return Refuse(problem);
            }

            // The spec: with a sid, only that provider session ends; without one, every session of the user.
            var count = await _store.EndAllAsync(sid is null ? subject : null, sid).ConfigureAwait(false);
            SessionLog.BackChannelLogout(_logger, count, subject, sid);
            return Results.Ok();
        }
        catch (SessionStoreUnavailableException)
        {
            // 5xx makes the provider retry once the store is back.
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>Validates a logout token as the specification demands; returns its <c>sub</c> and <c>sid</c>, or the problem.</summary>
    internal async Task<(string? Subject, string? Sid, string? Problem)> ValidateAsync(string token)
    {
        var oidc = _oidc.Get(SessionDefaults.OidcScheme);
        var configuration = await oidc.ConfigurationManager!.GetConfigurationAsync(CancellationToken.None).ConfigureAwait(false);
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = oidc.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = _auth.EffectiveAlgorithms.ToArray(),
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = _auth.ClockSkew,
        }).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return (null, null, "signature, issuer, audience or lifetime invalid (" + result.Exception?.GetType().Name + ")");
        }

        var subject = jwt.TryGetPayloadValue<string>("sub", out var sub) ? sub : null;
        var sid = jwt.TryGetPayloadValue<string>("sid", out var s) ? s : null;
        var problem = !jwt.TryGetPayloadValue<long>("iat", out _) ? "no iat"
            : !jwt.TryGetPayloadValue<string>("jti", out var jti) || string.IsNullOrEmpty(jti) ? "no jti"
            : jwt.TryGetPayloadValue<object>("nonce", out _) ? "a nonce is forbidden in a logout token"
            : !HasLogoutEvent(jwt) ? "no back-channel logout event"
            : subject is null && sid is null ? "neither sub nor sid"
            : !await _store.MarkOnceAsync("jti:" + configuration.Issuer + ":" + jti, TimeSpan.FromMinutes(10)).ConfigureAwait(false) ? "replayed (jti seen before)"
            : null;
        return (subject, sid, problem);
    }

    private static bool HasLogoutEvent(JsonWebToken jwt) =>
        jwt.TryGetPayloadValue<JsonElement>("events", out var events) && events.ValueKind == JsonValueKind.Object && events.TryGetProperty(Event, out var value)
        && value.ValueKind == JsonValueKind.Object;

    private IResult Refuse(string reason)
    {
        SessionLog.LogoutTokenRefused(_logger, reason);
        return Results.Json(new { error = "invalid_request", error_description = "The logout token is not valid." }, statusCode: StatusCodes.Status400BadRequest);
    }
}
