using Bff.Tests.Fixtures;

namespace Bff.Tests.Session;

/// <summary>Web BFF hosts (shipped appsettings.json) in session mode against the demo issuer, optionally sharing a Redis.</summary>
public static class SessionHosts
{
    public static Dictionary<string, string?> Settings(DemoServicesFixture demo, RedisServer? redis, string prefix, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(demo.HostSettings)
        {
            ["Bff:Session:Enabled"] = "true",
            ["Bff:Session:ClientId"] = "web-app",
            ["Bff:Session:Scopes:0"] = "openid",
            ["Bff:Session:Scopes:1"] = "profile",
            ["Bff:Session:Scopes:2"] = "offline_access",
            ["Bff:Session:Scopes:3"] = "proposals:read",
            ["Bff:Redis:KeyPrefix"] = $"test:{prefix}:",
        };
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

    /// <summary>Starts a host and returns it with its address.</summary>
    public static (SharedStateHost<Bff.WebBff.Program> Host, Uri Address) Start(Dictionary<string, string?> settings)
    {
        var host = new SharedStateHost<Bff.WebBff.Program>(settings);
        var client = host.Start();
        return (host, client.Http.BaseAddress!);
    }

    public const string MyProposals = "{ myProposals(first: 2) { totalCount nodes { id } } }";
}
