using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Bff.Tests.Edge;
using Microsoft.Extensions.Configuration;

namespace Bff.Tests.Deployment;

/// <summary>
/// The front door's manifests (deploy/k8s/base/edge), rendered offline: it routes to the hosts' rendered Services, takes its
/// certificate from a TLS Secret by the variables Kestrel really reads, and its probes answer on plain HTTP.
/// </summary>
public sealed class FrontDoorManifestTests
{
    [Theory]
    [MemberData(nameof(Kustomization.Directories), MemberType = typeof(Kustomization))]
    public void Each_device_cluster_reaches_its_hosts_service_on_a_port_the_service_exposes(string directory)
    {
        var rendered = Kustomization.Of(directory);
        var variables = KubernetesManifestTests.Variables(rendered, rendered.Get("Deployment", "bff-edge"));

        foreach (var (cluster, host) in new[] { ("mobile", "mobile-bff"), ("web", "web-bff") })
        {
            var addresses = variables.Where(v => v.Key.StartsWith($"ReverseProxy__Clusters__{cluster}__Destinations__", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(addresses);
            var service = rendered.Get("Service", host);
            var deployment = rendered.Get("Deployment", host);
            Assert.All(addresses, address =>
            {
                var uri = new Uri(address.Value!);
                Assert.Equal(host, uri.Host);
                var port = Assert.Single(service["spec"]!["ports"]!.AsArray(), p => Int(p!["port"]) == uri.Port)!;
                Assert.Equal((string?)port["targetPort"], (string?)Kustomization.Container(deployment)["ports"]![0]!["name"]);
            });
        }
    }

    [Fact]
    public void Destinations_override_the_shipped_ones_rather_than_adding_replicas()
    {
        var rendered = Kustomization.Of("deploy/k8s/base");
        var shipped = new ConfigurationBuilder().AddJsonFile(DeploymentFiles.PathOf("src/Edge/appsettings.json")).Build();
        var variables = KubernetesManifestTests.Variables(rendered, rendered.Get("Deployment", "bff-edge"));

        var shippedDestinations = shipped.GetSection("ReverseProxy:Clusters").GetChildren()
            .SelectMany(c => c.GetSection("Destinations").GetChildren().Select(d => $"ReverseProxy__Clusters__{c.Key}__Destinations__{d.Key}__Address"))
            .Where(k => !k.Contains("canary", StringComparison.Ordinal));
        Assert.Equal(shippedDestinations.Order(), variables.Keys.Where(k => k.Contains("__Destinations__", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void The_certificate_comes_from_a_tls_secret_mounted_read_only()
    {
        var rendered = Kustomization.Of("deploy/k8s/base");
        var deployment = rendered.Get("Deployment", "bff-edge");
        var container = Kustomization.Container(deployment);
        var env = container["env"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => (string?)e!["value"]);
        var mount = Assert.Single(container["volumeMounts"]!.AsArray(), m => (string?)m!["name"] == "tls")!;
        var volume = Assert.Single(deployment["spec"]!["template"]!["spec"]!["volumes"]!.AsArray(), v => (string?)v!["name"] == "tls")!;

        Assert.Equal("bff-edge-tls", (string?)volume["secret"]!["secretName"]);
        Assert.Equal("true", (string?)mount["readOnly"]);
        Assert.Equal($"{mount["mountPath"]}/tls.crt", env["Kestrel__Certificates__Default__Path"]);
        Assert.Equal($"{mount["mountPath"]}/tls.key", env["Kestrel__Certificates__Default__KeyPath"]);
        Assert.DoesNotContain(rendered.OfKind("Secret"), s => (string?)s["metadata"]!["name"] == "bff-edge-tls");
    }

    [Fact]
    public void The_demo_overlay_serves_the_development_certificate()
    {
        var container = Kustomization.Container(Kustomization.Of("deploy/k8s/overlays/demo").Get("Deployment", "bff-edge"));

        Assert.Null(container["env"]);
        Assert.DoesNotContain(container["volumeMounts"]!.AsArray(), m => (string?)m!["name"] == "tls");
    }

    [Fact]
    public async Task A_pem_pair_where_the_secret_is_mounted_is_the_certificate_served()
    {
        var rendered = Kustomization.Of("deploy/k8s/base");
        var env = Kustomization.Container(rendered.Get("Deployment", "bff-edge"))["env"]!.AsArray()
            .ToDictionary(e => ((string)e!["name"]!).Replace("__", ":", StringComparison.Ordinal), e => (string)e!["value"]!);
        var mounted = Directory.CreateTempSubdirectory("bff-edge-tls");
        try
        {
            // As the kubelet would mount a kubernetes.io/tls Secret: tls.crt and tls.key, PEM.
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=bff.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(mounted.FullName, "tls.crt"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(mounted.FullName, "tls.key"), key.ExportPkcs8PrivateKeyPem());
            var settings = env.ToDictionary(e => e.Key, e => e.Value.Replace("/etc/bff-edge-tls", mounted.FullName, StringComparison.Ordinal));

            await using var edge = await EdgeServer.StartAsync(settings);
            string? served = null;
            using var client = new HttpClient(new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    {
                        served = presented?.GetCertHashString();
                        return true;
                    },
                },
            });
            using var response = await client.GetAsync(new Uri(edge.Https, "/health/live"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(certificate.GetCertHashString(), served);
        }
        finally
        {
            mounted.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Kustomization.Directories), MemberType = typeof(Kustomization))]
    public async Task Probe_paths_answer_200_on_plain_http_without_a_redirect(string directory)
    {
        var rendered = Kustomization.Of(directory);
        var deployment = rendered.Get("Deployment", "bff-edge");
        var container = Kustomization.Container(deployment);
        var settings = KubernetesManifestTests.Variables(rendered, deployment)
            .Where(v => !v.Key.StartsWith("Kestrel__Certificates", StringComparison.Ordinal))
            .ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => v.Value!);
        var ports = container["ports"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => Int(p!["containerPort"]));

        await using var edge = await EdgeServer.StartAsync(settings);
        using var client = EdgeServer.Client();
        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            var get = container[probe]!["httpGet"]!;
            Assert.Equal(8080, ports[(string)get["port"]!]);
            using var response = await client.GetAsync(new Uri(edge.Http, (string)get["path"]!));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(8443, ports["https"]);
    }

    [Fact]
    public void The_entry_point_keeps_client_addresses_and_the_hosts_trust_the_pod_network()
    {
        var rendered = Kustomization.Of("deploy/k8s/base");
        var service = rendered.Get("Service", "bff-edge")["spec"]!;
        var hostVariables = KubernetesManifestTests.Variables(rendered, rendered.Get("Deployment", "web-bff"));

        Assert.Equal(("LoadBalancer", "Local"), ((string?)service["type"], (string?)service["externalTrafficPolicy"]));
        Assert.Equal([("http", 80), ("https", 443)], service["ports"]!.AsArray().Select(p => ((string)p!["targetPort"]!, Int(p["port"]))).Order());
        Assert.False(string.IsNullOrEmpty(hostVariables["Bff__RateLimiting__TrustedProxies__0"]));
    }

    // kubectl's YAML, read as JSON, keeps numbers as text.
    private static int Int(JsonNode? node) => int.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture);
}
