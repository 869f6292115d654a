using System.Globalization;
using System.Text.Json.Nodes;
using Bff.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bff.Tests.Deployment;

/// <summary>
/// The kustomize base and the demo overlay, rendered offline with <c>kubectl kustomize</c> and checked on the rendered
/// resources: probes on the hosts' health endpoints, a locked-down security context, budgets, autoscaling, and settings that
/// the hosts really read.
/// </summary>
public sealed class KubernetesManifestTests
{
    [Theory]
    [MemberData(nameof(Kustomization.Directories), MemberType = typeof(Kustomization))]
    public void Renders_a_deployment_service_budget_and_autoscaler_per_host_and_for_the_front_door(string directory)
    {
        var rendered = Kustomization.Of(directory);

        foreach (var kind in new[] { "Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler" })
        {
            Assert.Equal(["bff-edge", "mobile-bff", "web-bff"], rendered.OfKind(kind).Select(r => (string)r["metadata"]!["name"]!).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Kustomization.Directories), MemberType = typeof(Kustomization))]
    public void Probes_use_the_hosts_health_endpoints_on_the_http_port(string directory)
    {
        Assert.All(Kustomization.Of(directory).HostDeployments(), deployment =>
        {
            var container = Kustomization.Container(deployment);
            Assert.Equal("/health/live", (string?)container["livenessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/health/ready", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
            Assert.Equal("/health/live", (string?)container["startupProbe"]!["httpGet"]!["path"]);
            foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
            {
                Assert.Equal("http", (string?)container[probe]!["httpGet"]!["port"]);
            }

            var port = Assert.Single(container["ports"]!.AsArray())!;
            Assert.Equal(("http", "8080"), ((string?)port["name"], (string?)port["containerPort"]));
        });
    }

    [Theory]
    [MemberData(nameof(Kustomization.Directories), MemberType = typeof(Kustomization))]
    public void Containers_run_non_root_read_only_without_capabilities_within_limits(string directory)
    {
        Assert.All(Kustomization.Of(directory).OfKind("Deployment"), deployment =>
        {
            var pod = deployment["spec"]!["template"]!["spec"]!;
            var container = Kustomization.Container(deployment);
            var security = container["securityContext"]!;
            Assert.Equal("true", (string?)pod["securityContext"]!["runAsNonRoot"]);
            Assert.NotEqual("0", (string?)pod["securityContext"]!["runAsUser"]);
            Assert.Equal("true", (string?)security["runAsNonRoot"]);
            Assert.Equal("false", (string?)security["allowPrivilegeEscalation"]);
            Assert.Equal("true", (string?)security["readOnlyRootFilesystem"]);
            Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
            Assert.Null(security["capabilities"]!["add"]);
            Assert.Equal("false", (string?)pod["automountServiceAccountToken"]);
            foreach (var bound in new[] { "requests", "limits" })
            {
                Assert.NotNull(container["resources"]![bound]!["cpu"]);
                Assert.NotNull(container["resources"]![bound]!["memory"]);
            }

            // A read-only root still needs a writable /tmp for the runtime.
            var tmp = Assert.Single(container["volumeMounts"]!.AsArray(), m => (string?)m!["mountPath"] == "/tmp")!;
            Assert.Contains(pod["volumes"]!.AsArray(), v => (string?)v!["name"] == (string?)tmp["name"] && v!["emptyDir"] is not null);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomization.Hosts), MemberType = typeof(Kustomization))]
    public void Grace_period_outlasts_the_hosts_shutdown(string name, string project)
    {
        var rendered = Kustomization.Of("deploy/k8s/overlays/demo");
        var deployment = rendered.Get("Deployment", name);
        var pod = deployment["spec"]!["template"]!["spec"]!;
        var preStop = Kustomization.Container(deployment)["lifecycle"]!["preStop"]!["exec"]!["command"]!.AsArray().Select(c => (string)c!).ToList();

        var settings = Settings(rendered, deployment, project);
        var shutdown = settings.GetValue("Bff:Http:ShutdownTimeout", new Bff.Http.GraphQLHttpOptions().ShutdownTimeout);
        var pause = TimeSpan.FromSeconds(int.Parse(preStop.Single(c => c != "sleep"), CultureInfo.InvariantCulture));
        var grace = TimeSpan.FromSeconds(int.Parse((string)pod["terminationGracePeriodSeconds"]!, CultureInfo.InvariantCulture));

        Assert.Equal("sleep", preStop[0]);
        Assert.True(grace > pause + shutdown + ShutdownWatchdog.Grace, $"{grace} must exceed {pause} + {shutdown} + {ShutdownWatchdog.Grace}");
    }

    [Theory]
    [MemberData(nameof(Kustomization.Directories), MemberType = typeof(Kustomization))]
    public void Budget_and_autoscaler_select_their_own_host(string directory)
    {
        var rendered = Kustomization.Of(directory);

        Assert.All(rendered.OfKind("Deployment"), deployment =>
        {
            var name = (string)deployment["metadata"]!["name"]!;
            var podLabels = deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
            var budget = rendered.Get("PodDisruptionBudget", name)["spec"]!;
            var selector = budget["selector"]!["matchLabels"]!.AsObject();
            Assert.NotEmpty(selector);
            Assert.All(selector, l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key]));
            Assert.Equal("1", (string?)budget["minAvailable"]);
            var service = rendered.Get("Service", name)["spec"]!["selector"]!.AsObject();
            Assert.All(service, l => Assert.Equal((string?)l.Value, (string?)podLabels[l.Key]));
            Assert.Equal(name, (string?)podLabels["app.kubernetes.io/name"]);

            var autoscaler = rendered.Get("HorizontalPodAutoscaler", name)["spec"]!;
            Assert.Equal(("Deployment", name), ((string?)autoscaler["scaleTargetRef"]!["kind"], (string?)autoscaler["scaleTargetRef"]!["name"]));
            Assert.True(int.Parse((string)autoscaler["minReplicas"]!, CultureInfo.InvariantCulture) >= 2);
            Assert.True(int.Parse((string)autoscaler["maxReplicas"]!, CultureInfo.InvariantCulture) > int.Parse((string)autoscaler["minReplicas"]!, CultureInfo.InvariantCulture));
        });
    }

    [Theory]
    [MemberData(nameof(Kustomization.Directories), MemberType = typeof(Kustomization))]
    public void Redis_comes_from_a_secret_and_settings_from_a_config_map(string directory)
    {
        var rendered = Kustomization.Of(directory);

        Assert.All(rendered.HostDeployments(), deployment =>
        {
            var container = Kustomization.Container(deployment);
            var redis = Assert.Single(container["env"]!.AsArray(), e => (string?)e!["name"] == "ConnectionStrings__Redis")!;
            var secretName = (string)redis["valueFrom"]!["secretKeyRef"]!["name"]!;
            Assert.Equal("connection-string", (string?)redis["valueFrom"]!["secretKeyRef"]!["key"]);
            Assert.StartsWith("bff-redis", secretName, StringComparison.Ordinal);
            Assert.Null(redis["value"]);
            var configMap = (string)Assert.Single(container["envFrom"]!.AsArray())!["configMapRef"]!["name"]!;
            Assert.NotNull(rendered.Get("ConfigMap", configMap)["data"]);
            // The overlay brings the demo's secret; the base leaves it to be created out of band.
            var secrets = rendered.OfKind("Secret").Where(s => (string?)s["metadata"]!["name"] == secretName).ToList();
            Assert.Equal(directory.Contains("overlays", StringComparison.Ordinal) ? 1 : 0, secrets.Count);
            Assert.All(secrets, s => Assert.NotNull(s["data"]!["connection-string"]));
        });
    }

    [Theory]
    [MemberData(nameof(Kustomization.Hosts), MemberType = typeof(Kustomization))]
    public void Settings_name_only_what_the_host_reads(string name, string project)
    {
        foreach (var directory in new[] { "deploy/k8s/base", "deploy/k8s/overlays/demo" })
        {
            var rendered = Kustomization.Of(directory);
            var variables = Variables(rendered, rendered.Get("Deployment", name));

            Assert.Empty(HostEnvironment.Problems(project, variables));
            Assert.All(["profiles", "jobs", "proposals", "reviews"], s => Assert.True(variables.ContainsKey($"Bff__Sources__{s}__BaseAddress"), $"{directory}: {s}"));
        }
    }

    [Theory]
    [MemberData(nameof(Kustomization.Hosts), MemberType = typeof(Kustomization))]
    public async Task Probe_paths_answer_200_on_the_host_configured_as_the_overlay_configures_it(string name, string project)
    {
        var rendered = Kustomization.Of("deploy/k8s/overlays/demo");
        var deployment = rendered.Get("Deployment", name);
        var container = Kustomization.Container(deployment);
        var paths = new[] { "livenessProbe", "readinessProbe", "startupProbe" }.Select(p => (string)container[p]!["httpGet"]!["path"]!).Append("/health/missing");

        var answers = await DeployedHost.SendAsync(
            project, DeployedHost.BffSettings(Variables(rendered, deployment)), "Production",
            paths.Select(path => (Func<HttpRequestMessage>)(() => new HttpRequestMessage(HttpMethod.Get, path))).ToArray());

        Assert.Equal([200, 200, 200, 404], answers.Select(a => a.Status));
    }

    /// <summary>The environment a Deployment's container gets from literal values and its ConfigMaps (secrets left out).</summary>
    internal static Dictionary<string, string?> Variables(Kustomization rendered, JsonNode deployment)
    {
        var container = Kustomization.Container(deployment);
        var variables = new Dictionary<string, string?>();
        foreach (var source in container["envFrom"]?.AsArray() ?? [])
        {
            foreach (var (key, value) in rendered.Get("ConfigMap", (string)source!["configMapRef"]!["name"]!)["data"]!.AsObject())
            {
                variables[key] = (string?)value;
            }
        }

        foreach (var variable in container["env"]?.AsArray() ?? [])
        {
            variables[(string)variable!["name"]!] = (string?)variable["value"];
        }

        return variables;
    }

    /// <summary>What the host would read: its shipped appsettings.json under the container's environment.</summary>
    private static IConfiguration Settings(Kustomization rendered, JsonNode deployment, string project) =>
        new ConfigurationBuilder()
            .AddJsonFile(DeploymentFiles.PathOf($"src/{project}/appsettings.json"))
            .AddInMemoryCollection(DeployedHost.BffSettings(Variables(rendered, deployment)))
            .Build();
}
