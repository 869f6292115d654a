using System.Text.RegularExpressions;

namespace Bff.Tests.Deployment;

/// <summary>A Dockerfile read as its instructions (continuation lines joined, comments dropped), split into stages.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(string path, List<List<(string Keyword, string Arguments)>> stages)
    {
        Path = path;
        Stages = stages;
    }

    /// <summary>The Dockerfiles docker-compose.yml builds (both hosts share one, the demo services another, the front door its own).</summary>
    public static TheoryData<string> All => new() { "deploy/docker/bff.Dockerfile", "deploy/docker/sample.Dockerfile", "deploy/docker/edge.Dockerfile" };

    public string Path { get; }

    /// <summary>Instructions per stage; a stage starts at its FROM (instructions before the first FROM are dropped).</summary>
    public List<List<(string Keyword, string Arguments)>> Stages { get; }

    public List<(string Keyword, string Arguments)> Final => Stages[^1];

    public static Dockerfile Load(string relative)
    {
        var text = File.ReadAllText(DeploymentFiles.PathOf(relative));
        var lines = text.Split('\n').Where(l => !l.TrimStart().StartsWith('#'));
        var joined = string.Join('\n', lines).Replace("\\\n", " ", StringComparison.Ordinal);
        var stages = new List<List<(string, string)>>();
        foreach (Match match in Instruction().Matches(joined))
        {
            var keyword = match.Groups[1].Value.ToUpperInvariant();
            if (keyword == "FROM")
            {
                stages.Add([]);
            }

            if (stages.Count > 0)
            {
                stages[^1].Add((keyword, match.Groups[2].Value.Trim()));
            }
        }

        return new Dockerfile(relative, stages);
    }

    public IEnumerable<string> Arguments(string keyword, List<(string Keyword, string Arguments)> stage) =>
        stage.Where(i => i.Keyword == keyword).Select(i => i.Arguments);

    [GeneratedRegex(@"^\s*([A-Za-z]+)\s+(.*)$", RegexOptions.Multiline)]
    private static partial Regex Instruction();
}
