using Bff.Session;
using Bff.Stitching;
using Bff.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace Bff.Tests.Session;

/// <summary>Start-up checks of <c>Bff:Session</c>, and the host refusing to start with them.</summary>
[Collection(DemoCollection.Name)]
public sealed class WebSessionOptionsValidatorTests(DemoServicesFixture demo)
{
    [Fact]
    public void Off_by_default_and_then_nothing_is_checked()
    {
        var options = new WebSessionOptions { CookieName = "bad" };

        Assert.False(options.Enabled);
        Assert.Empty(WebSessionOptionsValidator.Validate(options, null));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_key()
    {
        var options = new WebSessionOptions
        {
            Enabled = true, CookieName = "session", SameSite = SameSiteMode.None, BasePath = "bff/",
            IdleTimeout = TimeSpan.FromHours(9), CsrfHeader = "Cookie",
        };
        options.Scopes.Add("profile");

        var problems = WebSessionOptionsValidator.Validate(options, null).ToList();

        Assert.Contains(problems, p => p.StartsWith("Bff:Session:Authority:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff:Session:ClientId:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff:Session:CookieName:", StringComparison.Ordinal) && p.Contains("__Host-", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff:Session:SameSite:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff:Session:BasePath:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff:Session:IdleTimeout:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff:Session:CsrfHeader:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Bff:Session:Scopes:", StringComparison.Ordinal));
        Assert.Equal(8, problems.Count);
    }

    [Fact]
    public void The_web_host_with_its_shipped_settings_refuses_to_start_with_session_mode_half_configured()
    {
        var settings = new Dictionary<string, string?>(demo.HostSettings) { ["Bff:Session:Enabled"] = "true", ["Bff:Session:CookieName"] = "bff" };
        using var factory = new BffHostFactory<Bff.WebBff.Program>(settings);

        var error = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

        Assert.Contains("Bff:Session:ClientId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bff:Session:CookieName", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/app/?tab=1", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("app", false)]
    [InlineData("/a\\b", false)]
    [InlineData("/a\tb", false)]
    public void Only_local_paths_are_return_urls(string url, bool local) => Assert.Equal(local, ReturnUrls.IsLocal(url));
}
