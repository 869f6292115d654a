using System.Text.Json.Nodes;

namespace Bff.Tests.Deployment;

/// <summary>docker-compose.yml as docker-compose resolves it (anchors merged, paths absolute), parsed once.</summary>
internal static class ComposeFile
{
    private static readonly Lazy<JsonObject> Resolved = new(() =>
        DeploymentFiles.RunYaml("docker-compose", "-f", "docker-compose.yml", "config").Single()["services"]!.AsObject());

    /// <summary>The compose services that run a BFF host (two replicas of each), with their projects under src/.</summary>
    public static TheoryData<string, string> Hosts => new()
    {
        { "mobile-bff-1", "MobileBff" }, { "mobile-bff-2", "MobileBff" }, { "web-bff-1", "WebBff" }, { "web-bff-2", "WebBff" },
    };

    /// <summary>The names of the host replicas' services.</summary>
    public static IEnumerable<string> HostServices => Hosts.Select(h => (string)h[0]);

    public static JsonObject Services => Resolved.Value;

    public static JsonObject Service(string name) =>
        Services[name]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"docker-compose.yml has no service '{name}'.");

    public static Dictionary<string, string?> Environment(string service) =>
        Service(service)["environment"]?.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value) ?? [];
}
