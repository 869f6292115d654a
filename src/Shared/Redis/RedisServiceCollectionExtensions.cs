using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bff.Redis;

/// <summary>Registers the Redis connection, its start-up and its health check.</summary>
internal static class RedisServiceCollectionExtensions
{
    /// <summary>The tag of the checks <c>/health/ready</c> reports.</summary>
    public const string ReadyTag = Hosting.BffHealthChecks.ReadyTag;

    public static IServiceCollection AddBffRedis(this IServiceCollection services, IConfiguration configuration, RedisOptions options, string hostName)
    {
        var prefix = options.KeyPrefix ?? $"bff:{Slug(hostName)}:";
        services.AddSingleton(sp => new RedisStore(configuration.GetConnectionString(RedisOptions.ConnectionStringName), options, prefix,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RedisStore>>()));
        services.AddHostedService(sp => sp.GetRequiredService<RedisStore>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        return services;
    }

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
