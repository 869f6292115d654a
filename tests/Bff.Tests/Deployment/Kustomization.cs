using System.Text.Json.Nodes;

namespace Bff.Tests.Deployment;

/// <summary>deploy/k8s rendered offline by <c>kubectl kustomize</c> (no cluster needed), parsed from its YAML output.</summary>
internal sealed class Kustomization
{
    private static readonly Dictionary<string, Lazy<Kustomization>> Rendered = new()
    {
        ["deploy/k8s/base"] = new(() => new Kustomization("deploy/k8s/base")),
        ["deploy/k8s/overlays/demo"] = new(() => new Kustomization("deploy/k8s/overlays/demo")),
    };

    private Kustomization(string directory) => Resources = DeploymentFiles.RunYaml("kubectl", "kustomize", directory);

    /// <summary>The base and every overlay.</summary>
    public static TheoryData<string> Directories => new(Rendered.Keys);

    /// <summary>The hosts: Deployment name and project under src/.</summary>
    public static TheoryData<string, string> Hosts => new() { { "mobile-bff", "MobileBff" }, { "web-bff", "WebBff" } };

    public List<JsonNode> Resources { get; }

    public static Kustomization Of(string directory) => Rendered[directory].Value;

    public IEnumerable<JsonNode> OfKind(string kind) => Resources.Where(r => (string?)r["kind"] == kind);

    /// <summary>The Deployments of the two hosts (the front door's left out).</summary>
    public IEnumerable<JsonNode> HostDeployments() =>
        OfKind("Deployment").Where(d => ((string)d["metadata"]!["name"]!).EndsWith("-bff", StringComparison.Ordinal));

    public JsonNode Get(string kind, string name) =>
        OfKind(kind).SingleOrDefault(r => (string?)r["metadata"]!["name"] == name)
        ?? throw new Xunit.Sdk.XunitException($"No {kind} '{name}' rendered.");

    public static JsonObject Container(JsonNode deployment) => deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!.AsObject();
}
