namespace Bff.Tests.Deployment;

/// <summary>The images' Dockerfiles, checked statically (images are not built here: base images cannot be pulled).</summary>
public sealed class DockerfileTests
{
    [Theory]
    [MemberData(nameof(Dockerfile.All), MemberType = typeof(Dockerfile))]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_runtime(string path)
    {
        var dockerfile = Dockerfile.Load(path);

        Assert.Equal(2, dockerfile.Stages.Count);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.Stages[0][0].Arguments, StringComparison.Ordinal);
        Assert.Contains(dockerfile.Arguments("RUN", dockerfile.Stages[0]), run => run.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.Final[0].Arguments, StringComparison.Ordinal);
        Assert.Contains(dockerfile.Arguments("COPY", dockerfile.Final), copy => copy.StartsWith("--from=build /app", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Dockerfile.All), MemberType = typeof(Dockerfile))]
    public void Runs_as_a_non_root_user_with_a_health_check(string path)
    {
        var final = Dockerfile.Load(path).Final;

        var users = final.Where(i => i.Keyword == "USER").Select(i => i.Arguments).ToList();
        Assert.NotEmpty(users);
        Assert.DoesNotContain(users[^1], new[] { "root", "0", "0:0", "root:root" });
        // The user is set after the last instruction that may need root.
        Assert.True(final.FindLastIndex(i => i.Keyword is "RUN" or "COPY") < final.FindLastIndex(i => i.Keyword == "USER"));
        var healthcheck = Assert.Single(final, i => i.Keyword == "HEALTHCHECK").Arguments;
        Assert.Contains("CMD [\"healthcheck\"]", healthcheck, StringComparison.Ordinal);
        Assert.Contains(final, i => i.Keyword == "COPY" && i.Arguments == "deploy/docker/healthcheck.sh /usr/local/bin/healthcheck");
        Assert.True(File.Exists(DeploymentFiles.PathOf("deploy/docker/healthcheck.sh")));
    }

    [Theory]
    [MemberData(nameof(Dockerfile.All), MemberType = typeof(Dockerfile))]
    public void Bakes_in_no_settings_or_secrets(string path)
    {
        var dockerfile = Dockerfile.Load(path);

        var instructions = dockerfile.Stages.SelectMany(s => s).Where(i => i.Keyword is "ENV" or "ARG").Select(i => i.Arguments).ToList();
        Assert.NotEmpty(instructions);
        Assert.All(instructions, i => Assert.DoesNotMatch("(?i)Bff__|ConnectionStrings|password|secret|token", i));
        // dotnet is PID 1 (exec), so SIGTERM reaches the host and it drains.
        Assert.Contains("exec dotnet", Assert.Single(dockerfile.Arguments("ENTRYPOINT", dockerfile.Final)), StringComparison.Ordinal);
    }

    [Fact]
    public void Host_image_restores_the_ide_with_npm_and_refuses_to_ship_without_it()
    {
        var build = Dockerfile.Load("deploy/docker/bff.Dockerfile").Stages[0];

        Assert.Contains(build, i => i.Keyword == "RUN" && i.Arguments.Contains("install -y --no-install-recommends nodejs npm", StringComparison.Ordinal));
        Assert.Contains(build, i => i.Keyword == "COPY" && i.Arguments.Contains("src/Shared/Ide/Ide.targets", StringComparison.Ordinal));
        var publish = Assert.Single(build, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments;
        Assert.Contains("test -f /app/bcp/index.html", publish, StringComparison.Ordinal);
        Assert.DoesNotContain("BffIdeSkipRestore", publish, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_image_restores_with_every_project_and_msbuild_file_the_shared_library_references()
    {
        var build = Dockerfile.Load("deploy/docker/bff.Dockerfile").Stages[0];
        var restore = build.FindIndex(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet restore", StringComparison.Ordinal));

        foreach (var file in new[] { "src/Protobuf/Bff.Protobuf.csproj", "src/Shared/Stitching/Grpc/Protos.targets" })
        {
            Assert.True(File.Exists(DeploymentFiles.PathOf(file)), file);
            var copy = build.FindIndex(i => i.Keyword == "COPY" && i.Arguments.StartsWith(file + " ", StringComparison.Ordinal));
            Assert.InRange(copy, 0, restore);
        }
    }

    [Fact]
    public void Build_context_leaves_out_outputs_dependencies_and_local_secrets()
    {
        var ignored = File.ReadAllLines(DeploymentFiles.PathOf(".dockerignore")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", "**/node_modules/", ".git/", "**/.env" }, ignored.ToHashSet());
        Assert.DoesNotContain(ignored, l => l.StartsWith("schemas", StringComparison.Ordinal) || l.StartsWith("src", StringComparison.Ordinal) && !l.StartsWith("src/Shared/Ide/assets", StringComparison.Ordinal));
    }
}
