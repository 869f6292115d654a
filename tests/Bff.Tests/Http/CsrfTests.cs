using System.Net;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Http;

/// <summary>Strict CSRF mode: a GET must carry a header a cross-site page cannot send without a preflight.</summary>
[Collection(DemoCollection.Name)]
public sealed class CsrfTests(DemoServicesFixture demo)
{
    [Theory]
    [InlineData(null, null, HttpStatusCode.BadRequest)]
    [InlineData("GraphQL-Preflight", "1", HttpStatusCode.OK)]
    [InlineData("X-Apollo-Operation-Name", "Feed", HttpStatusCode.OK)]
    [InlineData("Apollo-Require-Preflight", "true", HttpStatusCode.OK)]
    [InlineData("GraphQL-Preflight", " ", HttpStatusCode.BadRequest)]
    public async Task Strict_mode_needs_a_preflight_header_on_get(string? header, string? value, HttpStatusCode expected)
    {
        using var host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?> { ["Bff:Http:RequirePreflightHeader"] = "true" });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, !text.Contains("CSRF_PREFLIGHT_REQUIRED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Strict_mode_keeps_json_posts_and_the_ide_working()
    {
        using var host = HostClient.Start<Bff.MobileBff.Program>(demo, new Dictionary<string, string?> { ["Bff:Http:RequirePreflightHeader"] = "true" });
        var (status, _) = await host.PostAsync("{ __typename }");
        using var ide = new HttpRequestMessage(HttpMethod.Get, "/graphql/");
        ide.Headers.Accept.ParseAdd("text/html");
        using var page = await host.Http.SendAsync(ide);

        Assert.Equal(200, status);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Without_strict_mode_a_plain_get_works()
    {
        var host = HostClient.For<Bff.WebBff.Program>(demo);
        using var response = await host.Http.GetAsync("/graphql?query=%7B__typename%7D");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
