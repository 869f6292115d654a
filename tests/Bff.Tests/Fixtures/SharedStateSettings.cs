namespace Bff.Tests.Fixtures;

/// <summary>Settings of a shared-state test host: the demo services, one Redis, a key prefix of the test's own.</summary>
public static class SharedStateSettings
{
    /// <summary>
    /// Points a host at the demo services and at <paramref name="redis"/> (none: in-memory) under <paramref name="prefix"/>
    /// (two hosts with one prefix are replicas of one BFF), with caching on and rate limiting off unless overridden.
    /// </summary>
    public static Dictionary<string, string?> For(DemoServicesFixture demo, RedisServer? redis, string prefix, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(demo.HostSettings)
        {
            ["Bff:Caching:Enabled"] = "true",
            ["Bff:RateLimiting:Enabled"] = "false",
            ["Bff:Redis:KeyPrefix"] = $"test:{prefix}:",
        };
        foreach (var (key, value) in TestTokens.HostSettings)
        {
            settings[key] = value;
        }

        if (redis is not null)
        {
            settings["ConnectionStrings:Redis"] = redis.ConnectionString;
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A prefix no other test uses.</summary>
    public static string UniquePrefix(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)];
}
