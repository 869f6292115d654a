using System.Net;
using System.Text.Json;
using Bff.Tests.Fixtures;
using Xunit.Abstractions;

namespace Bff.Tests.Ide;

/// <summary>Each host serves the IDE at its GraphQL path, pointed at itself, and it runs a real query offline.</summary>
public abstract class BffIdeSuite<TProgram>
    where TProgram : class
{
    private readonly HostClient _host;
    private readonly ITestOutputHelper _output;

    protected BffIdeSuite(DemoServicesFixture demo, ITestOutputHelper output)
    {
        _host = HostClient.For<TProgram>(demo);
        _output = output;
    }

    protected abstract string Title { get; }

    [Fact]
    public async Task Browser_gets_the_ide_page_and_its_config()
    {
        using var page = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        page.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        using var pageResponse = await _host.Http.SendAsync(page);
        var config = await _host.Http.GetStringAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Equal("text/html", pageResponse.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(config);
        Assert.True(json.RootElement.GetProperty("useBrowserUrlAsEndpoint").GetBoolean());
        Assert.True(json.RootElement.GetProperty("disableTelemetry").GetBoolean());
        Assert.Equal(Title, json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ide_runs_a_query_against_the_host_in_headless_chromium()
    {
        Assert.True(IdeBrowser.IsAvailable, $"{IdeBrowser.ChromiumPath} is missing: apt-get install -y chromium");
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", $"ide-{typeof(TProgram).Namespace}.png");

        var text = await IdeBrowser.RunQueryAsync(new Uri(_host.Http.BaseAddress!, "/graphql"), "{ profile(id: \"p1\") { id } }", screenshot);

        _output.WriteLine($"screenshot: {screenshot}\n{text}");
        using var json = JsonDocument.Parse(text);
        Assert.Equal("p1", json.RootElement.GetProperty("data").GetProperty("profile").GetProperty("id").GetString());
    }
}

[Collection(DemoCollection.Name)]
public sealed class MobileIdeTests(DemoServicesFixture demo, ITestOutputHelper output) : BffIdeSuite<Bff.MobileBff.Program>(demo, output)
{
    protected override string Title => "Mobile BFF";
}

[Collection(DemoCollection.Name)]
public sealed class WebIdeTests(DemoServicesFixture demo, ITestOutputHelper output) : BffIdeSuite<Bff.WebBff.Program>(demo, output)
{
    protected override string Title => "Web BFF";
}
