using Microsoft.Extensions.Configuration;

namespace Bff.Tests.Deployment;

/// <summary>
/// docker-compose.yml, checked offline: no container engine runs here and base images cannot be pulled, so what can be
/// known without building an image is checked (syntax, Dockerfiles, replicas, and that every setting the hosts are
/// given is one they read).
/// </summary>
public sealed class ComposeFileTests
{
    [Fact]
    public void Compose_file_validates_offline()
    {
        var (exitCode, _, error) = DeploymentFiles.Run("docker-compose", "-f", "docker-compose.yml", "config", "-q");

        Assert.True(exitCode == 0, $"docker-compose config -q exited with {exitCode}:\n{error}");
    }

    [Fact]
    public void Every_image_it_builds_has_its_dockerfile_and_project()
    {
        var built = ComposeFile.Services.Where(s => s.Value!["build"] is not null).ToList();

        Assert.Equal(["edge", "identity", "jobs", "mobile-bff-1", "mobile-bff-2", "profiles", "proposals", "reviews", "web-bff-1", "web-bff-2"], built.Select(s => s.Key).Order());
        Assert.All(built, service =>
        {
            var build = service.Value!["build"]!;
            var dockerfile = Path.Combine((string)build["context"]!, (string)build["dockerfile"]!);
            Assert.True(File.Exists(dockerfile), $"{service.Key}: {dockerfile} does not exist");
            var project = (string)build["args"]!["PROJECT"]!;
            var folder = service.Key.Contains("-bff-", StringComparison.Ordinal) || service.Key == "edge" ? "src" : "samples";
            Assert.True(File.Exists(DeploymentFiles.PathOf($"{folder}/{project}/{project}.csproj")), $"{service.Key}: no project {folder}/{project}");
        });
    }

    [Theory]
    [MemberData(nameof(ComposeFile.Hosts), MemberType = typeof(ComposeFile))]
    public void Host_runs_two_replicas_sharing_redis(string service, string project)
    {
        var host = ComposeFile.Service(service);
        var replicas = ComposeFile.HostServices.Where(s => ComposeFile.Service(s)["build"]!["args"]!["PROJECT"]!.ToString() == project).ToList();

        // Two services of the same image and settings (one per replica, so the front door checks each on its own name).
        Assert.Equal(2, replicas.Count);
        Assert.All(replicas, r => Assert.Equal((string?)host["image"], (string?)ComposeFile.Service(r)["image"]));
        Assert.All(replicas, r => Assert.Equal(ComposeFile.Environment(service), ComposeFile.Environment(r)));
        Assert.Null(host["deploy"]?["replicas"]);
        Assert.Equal("service_healthy", (string?)host["depends_on"]?["redis"]?["condition"]);
        Assert.Equal("redis:6379", ComposeFile.Environment(service)["ConnectionStrings__Redis"]);
        Assert.Equal(project, (string?)host["build"]!["args"]!["PROJECT"]);
    }

    [Theory]
    [MemberData(nameof(ComposeFile.Hosts), MemberType = typeof(ComposeFile))]
    public void Host_environment_names_only_settings_the_host_reads(string service, string project)
    {
        var problems = HostEnvironment.Problems(project, ComposeFile.Environment(service));

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(ComposeFile.Hosts), MemberType = typeof(ComposeFile))]
    public void Every_source_of_the_host_points_at_a_compose_service(string service, string project)
    {
        var environment = ComposeFile.Environment(service);
        var sources = HostEnvironment.ShippedSettings(project).GetSection("Bff:Sources").GetChildren().Select(s => s.Key).ToList();

        Assert.Equal(["jobs", "profiles", "proposals", "reviews"], sources.Order());
        Assert.All(sources, source =>
        {
            Assert.True(environment.TryGetValue($"Bff__Sources__{source}__BaseAddress", out var address), $"{source} has no BaseAddress");
            var uri = new Uri(address!);
            Assert.NotNull(ComposeFile.Services[uri.Host]);
            Assert.Equal(8080, uri.Port);
        });
    }

    [Theory]
    [MemberData(nameof(ComposeFile.Hosts), MemberType = typeof(ComposeFile))]
    public async Task Host_starts_in_production_with_its_compose_settings_and_serves_the_ide(string service, string project)
    {
        // The Bff section only: Redis's address names a compose host that does not resolve here (the host then runs on
        // memory); the sources' addresses are not called by these requests.
        var settings = DeployedHost.BffSettings(ComposeFile.Environment(service));

        var answers = await DeployedHost.SendAsync(project, settings, "Production",
            () => new HttpRequestMessage(HttpMethod.Get, "/health/ready"),
            () => new HttpRequestMessage(HttpMethod.Get, "/graphql/") { Headers = { { "Accept", "text/html" } } },
            () => new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = new StringContent("""{"query":"{ __schema { queryType { name } } }"}""", System.Text.Encoding.UTF8, "application/json"),
            });

        Assert.Equal([200, 200, 200], answers.Select(a => a.Status));
        Assert.Contains("<!doctype html>", answers[1].Body, StringComparison.OrdinalIgnoreCase);
        // The demo turns introspection on for the IDE (both hosts) although they run in Production.
        Assert.Equal("""{"data":{"__schema":{"queryType":{"name":"Query"}}}}""", answers[2].Body);
    }

    [Fact]
    public void Front_door_publishes_https_and_http_and_sends_each_device_path_to_its_host()
    {
        var edge = ComposeFile.Service("edge");
        var environment = ComposeFile.Environment("edge");
        var published = edge["ports"]!.AsArray().Select(p => (p!["published"]!.ToString(), p["target"]!.ToString())).ToList();
        var shipped = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddJsonFile(DeploymentFiles.PathOf("src/Edge/appsettings.json")).Build();

        Assert.Contains(("443", "8443"), published);
        Assert.Contains(("8443", "8443"), published);
        Assert.Contains(("80", "8080"), published);
        Assert.Equal("https://*:8443", shipped["Kestrel:Endpoints:Https:Url"]);
        Assert.Equal("http://*:8080", shipped["Kestrel:Endpoints:Http:Url"]);
        // Every destination of the shipped clusters is overridden with a replica's own compose service, on the hosts' port.
        var destinations = shipped.GetSection("ReverseProxy:Clusters").GetChildren()
            .SelectMany(c => c.GetSection("Destinations").GetChildren().Select(d => (Cluster: c.Key, Destination: d.Key))).ToList();
        Assert.Equal(4, destinations.Count);
        var addresses = destinations.Select(d => (d.Cluster, Address: new Uri(environment[$"ReverseProxy__Clusters__{d.Cluster}__Destinations__{d.Destination}__Address"]!))).ToList();
        Assert.All(addresses, d =>
        {
            Assert.StartsWith($"{d.Cluster}-bff-", d.Address.Host, StringComparison.Ordinal);
            Assert.Contains(d.Address.Host, ComposeFile.HostServices);
            Assert.Equal(8080, d.Address.Port);
        });
        Assert.Equal(ComposeFile.HostServices.Order(), addresses.Select(a => a.Address.Host).Order());
        Assert.All(ComposeFile.HostServices, replica => Assert.Equal("service_healthy", (string?)edge["depends_on"]![replica]!["condition"]));
        Assert.Equal("/mobile/{**rest}", shipped["ReverseProxy:Routes:mobile:Match:Path"]);
        Assert.Equal("/web/{**rest}", shipped["ReverseProxy:Routes:web:Match:Path"]);
        // The hosts believe X-Forwarded-For only from the compose network the front door is on.
        Assert.All(ComposeFile.HostServices, host => Assert.Equal("172.16.0.0/12", ComposeFile.Environment(host)["Bff__RateLimiting__TrustedProxies__0"]));
    }

    [Fact]
    public void Issuer_names_itself_as_the_hosts_reach_it()
    {
        var issuer = ComposeFile.Service("identity");

        Assert.Equal("http://identity:8080", (string?)issuer["command"]?[0]);
        Assert.All(ComposeFile.HostServices, host => Assert.Equal("http://identity:8080", ComposeFile.Environment(host)["Bff__Auth__Authority"]));
    }

    [Fact]
    public void Hosts_send_telemetry_to_the_collector_which_sends_traces_to_jaeger()
    {
        var collector = ComposeFile.Service("otel-collector");
        var mount = ((string)collector["volumes"]![0]!).Split(':');
        var config = DeploymentFiles.ParseYaml(File.ReadAllText(mount[0])).Single();

        Assert.All(ComposeFile.HostServices, host =>
            Assert.Equal("otel-collector", new Uri(ComposeFile.Environment(host)["OTEL_EXPORTER_OTLP_ENDPOINT"]!).Host));
        Assert.Contains($"--config={mount[1]}", collector["command"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("jaeger:4317", (string?)config["exporters"]!["otlp/jaeger"]!["endpoint"]);
        Assert.Equal("otlp/jaeger", (string?)config["service"]!["pipelines"]!["traces"]!["exporters"]![0]);
        Assert.NotNull(ComposeFile.Services["jaeger"]);
    }

    [Fact]
    public void Drift_check_reports_unknown_names_sources_and_values()
    {
        var problems = HostEnvironment.Problems("MobileBff", new Dictionary<string, string?>
        {
            ["Bff__Sources__job__BaseAddress"] = "http://jobs:8080",
            ["Bff__Http__RequestTimout"] = "00:00:05",
            ["Bff__Http__RequestTimeout"] = "five seconds",
            ["Bff__Sources__jobs__BaseAddress"] = "jobs",
            ["Bff__Sources"] = "x",
            ["REDIS_URL"] = "redis:6379",
            ["Bff__Sources__jobs__Timeout"] = "00:00:01",
        });

        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Bff__Sources__job__BaseAddress: 'job' is not in appsettings.json", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff__Http__RequestTimout: GraphQLHttpOptions has no property", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff__Http__RequestTimeout: 'five seconds' is not a TimeSpan", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff__Sources__jobs__BaseAddress: 'jobs' is not an absolute URI", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff__Sources: names a section", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("REDIS_URL: not a setting", StringComparison.Ordinal));
    }
}
