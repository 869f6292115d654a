using System.Diagnostics;
using System.Globalization;
using Bff.Hosting;
using Bff.Redis;
using Bff.Session;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bff.Bench;

/// <summary>
/// What web session mode adds to one GraphQL request: the CSRF check, the cookie, the session lookup in Redis (one
/// <c>GETEX</c> round trip that also slides the idle lifetime) or in memory, and the caller's principal. Measured
/// through <see cref="SessionAuthenticator"/>, sequentially, as p50/p95/p99 per request.
/// Run: dotnet run -c Release --project bench/Bff.Bench -- session [iterations]
/// </summary>
internal static class SessionLookupBench
{
    public static async Task RunAsync(int iterations)
    {
        using var redis = new RedisProcess();
        foreach (var (name, connection) in new[] { ("Redis", $"127.0.0.1:{redis.Port}"), ("memory", (string?)null) })
        {
            var options = new BffOptions { Name = "bench" };
            options.Session.Enabled = true;
            await using var store = new RedisStore(connection, options.Redis, "bench:session:", TimeProvider.System, NullLogger<RedisStore>.Instance);
            await store.StartAsync(CancellationToken.None);
            var sessions = new SessionStore(store, options.Session, TimeProvider.System, NullLogger<SessionStore>.Instance);
            var authenticator = new SessionAuthenticator(sessions, new TokenRefresher(sessions, options.Session, null!, null!, TimeProvider.System, NullLogger<TokenRefresher>.Instance), options.Session, options.Auth);
            var id = SessionStore.NewId();
            await sessions.SaveAsync(id, Record());
            var timings = new double[iterations];
            for (var i = -iterations / 10; i < iterations; i++)
            {
                var context = Request(options.Session, id);
                var started = Stopwatch.GetTimestamp();
                var (token, refusal) = await authenticator.AuthenticateAsync(context);
                var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (token is null)
                {
                    throw new InvalidOperationException("lookup failed: " + refusal?.Code);
                }

                if (i >= 0)
                {
                    timings[i] = took;
                }
            }

            Array.Sort(timings);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"session lookup ({name,-6}) n={iterations}: p50 {timings[iterations / 2]:0.000} ms  p95 {timings[iterations * 95 / 100]:0.000} ms  p99 {timings[iterations * 99 / 100]:0.000} ms"));
        }
    }

    private static DefaultHttpContext Request(WebSessionOptions options, string id)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString("web.example");
        context.Request.Headers.Cookie = $"{options.CookieName}={id}";
        context.Request.Headers[options.CsrfHeader] = options.CsrfValue;
        return context;
    }

    private static SessionRecord Record() => new()
    {
        Subject = "p3",
        ProviderSessionId = "sid-1",
        Host = "web.example",
        Claims = [["sub", "p3"], ["name", "Freelancer Three"], ["sid", "sid-1"], ["scope", "proposals:read jobs:read"], ["roles", "freelancer"]],
        // A realistic size: an RS256 access token and id token are ~800 bytes each.
        AccessToken = "eyJ" + new string('a', 800),
        AccessTokenExpiresAt = DateTimeOffset.UtcNow.AddHours(1),
        RefreshToken = new string('r', 43),
        IdToken = "eyJ" + new string('i', 700),
        AbsoluteExpiresAt = DateTimeOffset.UtcNow.AddHours(8),
    };
}
