using Bff.Hosting;
using Bff.Redis;
using Bff.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds web session mode (<c>Bff:Session</c>).</summary>
public static class SessionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the OIDC login (authorization code + PKCE) signing in to a server-side session, the session store (Redis,
    /// else memory), token refresh and back-channel logout. Does nothing when <see cref="WebSessionOptions.Enabled"/> is off.
    /// </summary>
    public static IServiceCollection AddBffSession(this IServiceCollection services, AuthenticationBuilder authentication, BffOptions options)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(options);
        var session = options.Session;
        if (!session.Enabled)
        {
            return services;
        }

        services.AddSingleton(sp => new SessionStore(sp.GetRequiredService<RedisStore>(), session, sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SessionStore>>()));
        services.AddSingleton<TokenRefresher>();
        services.AddSingleton<SessionAuthenticator>();
        services.AddSingleton<BackChannelLogout>();
        services.AddHttpClient(SessionDefaults.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10));

        // The login's state and nonce are protected with data protection keys; replicas share them through Redis, so
        // a login started on one replica completes on another.
        services.AddDataProtection().SetApplicationName("bff:" + options.Name);
        services.AddOptions<KeyManagementOptions>().Configure<RedisStore>((keys, redis) =>
        {
            if (redis.IsConfigured)
            {
                keys.XmlRepository = new RedisXmlRepository(() => redis.Database, redis.Key("data-protection-keys"));
            }
        });

        authentication.AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionDefaults.Scheme, null);
        authentication.AddOpenIdConnect(SessionDefaults.OidcScheme, oidc => SessionOidc.Configure(oidc, options.Session, options.Auth));
        return services;
    }
}
