using Bff.Hosting;
using Bff.Session;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoints of web session mode.</summary>
public static class SessionEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>{BasePath}/login</c>, <c>/logout</c>, <c>/user</c> and <c>/backchannel-logout</c> (the OIDC callbacks are
    /// served by authentication), and says at start-up where sessions are kept. Nothing when session mode is off.
    /// </summary>
    public static IEndpointConventionBuilder? MapBffSession(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<BffOptions>();
        var session = options.Session;
        if (!session.Enabled)
        {
            return null;
        }

        var store = app.Services.GetRequiredService<SessionStore>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bff.Session");
        SessionLog.Enabled(logger, session.BasePath,
            store.IsShared ? $"Redis (shared by replicas; while Redis is down: {session.WhenRedisDown})" : "this instance's memory (no Redis configured: run a single instance)",
            session.CsrfHeader);
        // The browser app, when the host ships one in its web root (the web BFF's demo page at /app/): same origin as
        // the session endpoints and /graphql, so the cookie needs no cross-site allowance.
        if (app.Environment.WebRootFileProvider.GetDirectoryContents("/").Exists)
        {
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }

        var group = app.MapGroup(session.BasePath);
        group.MapGet("/login", SessionEndpoints.Login);
        group.MapGet("/logout", SessionEndpoints.LogoutAsync);
        group.MapGet("/user", SessionEndpoints.UserAsync);
        group.MapPost("/backchannel-logout", (HttpContext context, BackChannelLogout logout) => logout.HandleAsync(context)).DisableAntiforgery();
        return group;
    }
}
