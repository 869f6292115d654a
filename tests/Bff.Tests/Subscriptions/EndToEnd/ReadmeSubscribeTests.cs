using System.Net;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;
using Bff.Tests.Streams;

namespace Bff.Tests.Subscriptions.EndToEnd;

/// <summary>
/// README "Subscribe to a stream": its curl command, read from README.md and sent as curl sends it, against the shipped
/// web host, with the README's own <c>submitProposal</c> curl as the trigger; the event is the one the README shows.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ReadmeSubscribeTests(EndToEndFixture e2e)
{
    private const string Section = "## Subscribe to a stream";

    // As "Get a demo token" mints it: sub=p3, scope=proposals:read proposals:write.
    private string Token => e2e.Demo.Token("p3", scopes: ["proposals:read", "proposals:write"]);

    [Fact]
    public async Task The_readme_curl_streams_the_event_the_readme_shows_when_the_readme_mutation_runs()
    {
        var watch = ReadmeCurl.Find(Section, "curl -N", Token);
        Assert.Equal("localhost:5200/graphql", watch.Address);
        Assert.Contains("\"applicationUrl\": \"http://localhost:5200\"", File.ReadAllText(Path.Combine(BuiltProgram.RepoRoot, "src", "WebBff", "Properties", "launchSettings.json")));
        var submit = ReadmeCurl.Find("### Query a protected field", "curl -s localhost:5200", Token);
        var opened = e2e.Demo.ProposalsStreams.Opened("WatchProposals");

        using var request = watch.ToRequest(e2e.Web.Http.BaseAddress!);
        Assert.Equal(HttpMethod.Post, request.Method);
        using var response = await e2e.Web.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        await Eventually.TrueAsync(() => e2e.Demo.ProposalsStreams.Opened("WatchProposals") > opened, "the service sees the watch");

        using var mutation = submit.ToRequest(e2e.Web.Http.BaseAddress!);
        using var submitted = await e2e.Web.Http.SendAsync(mutation);
        var proposal = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        Assert.Null(proposal["errors"]);
        var id = (string)proposal["data"]!["submitProposal"]!["id"]!;
        var fullName = (string)proposal["data"]!["submitProposal"]!["freelancer"]!["fullName"]!;

        // The README's example event, with the id and name it leaves out.
        var shown = ReadmeExample();
        var expected = shown[1].Replace("\"pr…\"", $"\"{id}\"", StringComparison.Ordinal).Replace("\"…\"", $"\"{fullName}\"", StringComparison.Ordinal);
        Assert.Equal(shown[0], await ReadLineAsync(events));
        Assert.Equal(expected, await ReadLineAsync(events));
    }

    [Fact]
    public async Task The_readme_curl_with_a_query_answers_one_next_then_complete()
    {
        var curl = ReadmeCurl.Find(Section, "curl -N", Token) with { Data = """{"query":"{ __typename }"}""" };
        Assert.Contains("-d '{\"query\":\"{ __typename }\"}'", ReadmeCurl.Readme, StringComparison.Ordinal);

        using var request = curl.ToRequest(e2e.Web.Http.BaseAddress!);
        using var response = await e2e.Web.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("event: next\ndata: {\"data\":{\"__typename\":\"Query\"}}\n\nevent: complete\ndata:\n\n", body);
    }

    private static string[] ReadmeExample()
    {
        var section = ReadmeCurl.Readme[ReadmeCurl.Readme.IndexOf("\n" + Section + "\n", StringComparison.Ordinal)..];
        var block = section[(section.IndexOf("\n```\nevent: next\n", StringComparison.Ordinal) + 5)..];
        return block[..block.IndexOf("\n```", StringComparison.Ordinal)].Split('\n');
    }

    private static async Task<string?> ReadLineAsync(StreamReader events)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await events.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length > 0 && line != ":")
            {
                return line;
            }
        }

        return null;
    }
}
