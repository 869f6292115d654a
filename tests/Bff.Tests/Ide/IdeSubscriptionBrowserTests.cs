using System.Text.Json;
using Bff.Tests.Streams;
using Bff.Tests.Subscriptions.EndToEnd;
using Xunit.Abstractions;

namespace Bff.Tests.Ide;

/// <summary>
/// Banana Cake Pop on the shipped web host, in headless Chromium: a subscription run in the IDE (authenticated by an
/// <c>Authorization</c> header of its connection) shows the event of a real <c>submitProposal</c>.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class IdeSubscriptionBrowserTests(EndToEndFixture e2e, ITestOutputHelper output)
{
    [Fact]
    public async Task The_ide_subscribes_through_the_host_and_shows_the_event_of_a_real_submission()
    {
        Assert.True(IdeBrowser.IsAvailable, $"{IdeBrowser.ChromiumPath} is missing: apt-get install -y chromium");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "ide-subscription.png");
        var opened = e2e.Demo.ProposalsStreams.Opened("WatchProposals");
        string? submitted = null;

        var text = await IdeBrowser.RunSubscriptionAsync(
            new Uri(e2e.Web.Http.BaseAddress!, "/graphql"),
            """subscription { proposalSubmitted(jobId: "j381") { id bid { amountCents } freelancer { id } } }""",
            new Dictionary<string, string> { ["Authorization"] = "Bearer " + e2e.Demo.Token("p3") },
            async () =>
            {
                await Eventually.TrueAsync(() => e2e.Demo.ProposalsStreams.Opened("WatchProposals") > opened, "the service sees the IDE's watch");
                submitted = (string?)(await e2e.SubmitAsync("j381", 1))[0]["id"];
            },
            shown => submitted is not null && shown.Contains($"\"{submitted}\"", StringComparison.Ordinal),
            screenshot);

        output.WriteLine($"screenshot: {screenshot}\n{text}");
        using var json = JsonDocument.Parse(text);
        var evt = json.RootElement.GetProperty("data").GetProperty("proposalSubmitted");
        Assert.Equal(submitted, evt.GetProperty("id").GetString());
        Assert.Equal("p2", evt.GetProperty("freelancer").GetProperty("id").GetString());
    }
}
