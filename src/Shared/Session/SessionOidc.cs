using Bff.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Bff.Session;

/// <summary>The OpenID Connect handler's settings for session mode: code flow with PKCE, tokens handed to the session.</summary>
internal static class SessionOidc
{
    public static void Configure(OpenIdConnectOptions oidc, WebSessionOptions session, AuthOptions auth)
    {
        oidc.Authority = (session.Authority ?? auth.Authority)?.ToString();
        oidc.ClientId = session.ClientId;
        oidc.ClientSecret = session.ClientSecret;
        oidc.RequireHttpsMetadata = session.RequireHttpsMetadata ?? auth.RequireHttpsMetadata;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.UsePkce = true;
        oidc.SaveTokens = true;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.DisableTelemetry = true;
        oidc.PushedAuthorizationBehavior = PushedAuthorizationBehavior.UseIfAvailable;
        oidc.SignInScheme = SessionDefaults.Scheme;
        oidc.SignOutScheme = SessionDefaults.Scheme;
        oidc.CallbackPath = session.BasePath + "/signin-oidc";
        oidc.SignedOutCallbackPath = session.BasePath + "/signout-callback-oidc";
        oidc.RemoteSignOutPath = session.BasePath + "/frontchannel-logout-unused";
        oidc.TokenValidationParameters.NameClaimType = "name";
        oidc.TokenValidationParameters.RoleClaimType = auth.RoleClaim;
        oidc.TokenValidationParameters.ClockSkew = auth.ClockSkew;
        oidc.Scope.Clear();
        foreach (var scope in session.EffectiveScopes)
        {
            oidc.Scope.Add(scope);
        }

        oidc.Events = new OpenIdConnectEvents
        {
            // A forged or replayed callback (state or nonce mismatch, a code the provider refuses) is a 400 with a
            // code, never the handler's default exception page.
            OnRemoteFailure = async context =>
            {
                context.HandleResponse();
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.Session");
                SessionLog.LoginFailed(logger, context.Failure?.Message ?? "unknown");
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.Response.WriteAsJsonAsync(new { code = "LOGIN_FAILED", message = "The login could not be completed; start again." }).ConfigureAwait(false);
            },
        };
    }
}
