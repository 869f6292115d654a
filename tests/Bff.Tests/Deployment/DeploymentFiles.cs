using System.Diagnostics;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace Bff.Tests.Deployment;

/// <summary>Reads the repository's deployment files and runs the offline tools that validate them (docker-compose, kubectl).</summary>
internal static class DeploymentFiles
{
    public static string Root { get; } = BuiltProgram.RepoRoot;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Runs <paramref name="tool"/> in the repository root; a missing tool fails the test (CI installs it).</summary>
    public static (int ExitCode, string Output, string Error) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within 60 s.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs a tool that must succeed and parses its standard output as YAML documents.</summary>
    public static List<JsonNode> RunYaml(string tool, params string[] arguments)
    {
        var (exitCode, output, error) = Run(tool, arguments);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {exitCode}:\n{error}");
        return ParseYaml(output);
    }

    /// <summary>Parses every document of a YAML stream into JSON nodes (scalars as strings).</summary>
    public static List<JsonNode> ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => ToJson(d.RootNode)).Where(n => n is not null).Select(n => n!).ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Value: var value } scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && value is "" or "~" or "null" => null,
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };
}
