using Bff.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Bff's JWT bearer authentication and its authorization policies.</summary>
public static class BffAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Adds JWT bearer authentication configured from <paramref name="options"/> (strict defaults: 30 s clock skew,
    /// RS256/ES256 only, <c>exp</c> required, claims kept as issued, no error details sent) and the configured
    /// authorization policies.
    /// </summary>
    public static AuthenticationBuilder AddBffAuthentication(this IServiceCollection services, AuthOptions options)
    {
        services.AddHttpClient(SigningKeyCache.ClientName);
        services.AddSingleton(sp => new SigningKeyCache(
            options, sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SigningKeyCache>>()));
        services.AddSingleton<FieldAuthorizer>();
        services.AddAuthorization(authorization =>
        {
            foreach (var (name, policy) in options.Policies)
            {
                authorization.AddPolicy(name, builder => AuthPolicies.Configure(builder, policy));
            }
        });

        var builder = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<SigningKeyCache>((jwt, keys) =>
        {
            jwt.MapInboundClaims = false;
            jwt.IncludeErrorDetails = false;
            jwt.SaveToken = false;
            jwt.RefreshOnIssuerKeyNotFound = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                IssuerValidator = (issuer, _, _) => keys.Issuer is { } expected && string.Equals(issuer, expected, StringComparison.Ordinal)
                    ? issuer
                    : throw new SecurityTokenInvalidIssuerException("The token's issuer is not accepted.") { InvalidIssuer = issuer },
                ValidateAudience = true,
                ValidAudience = options.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ClockSkew = options.ClockSkew,
                ValidAlgorithms = options.EffectiveAlgorithms.ToArray(),
                IssuerSigningKeyResolver = (_, _, _, _) => keys.Keys,
                NameClaimType = "sub",
                RoleClaimType = options.RoleClaim,
            };
            jwt.Events = new JwtBearerEvents { OnMessageReceived = context => BearerTokens.OnMessageReceivedAsync(context, keys) };
        });
        return builder;
    }
}
