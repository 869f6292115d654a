using System.Net;
using System.Net.Http.Headers;
using Bff.Samples.Identity;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Auth;

/// <summary>JWT bearer authentication with real signed tokens, on both hosts: anonymous, valid, and every kind of invalid.</summary>
public abstract class AuthenticationSuite<TProgram>
    where TProgram : class
{
    private readonly DemoServicesFixture _demo;
    private readonly HostClient _host;

    protected AuthenticationSuite(DemoServicesFixture demo)
    {
        _demo = demo;
        _host = HostClient.For<TProgram>(demo);
    }

    public static TheoryData<string> Attacks => new(AttackTokens.All);

    [Fact]
    public async Task Valid_token_authenticates_and_claims_feed_the_binding()
    {
        var (status, body) = await _host.PostAsync("{ me { id } }", _demo.Token("p7"));

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Equal("p7", (string?)body["data"]!["me"]!["id"]);
        Assert.Contains(_demo.ProfilesLog.Recent, r => r.PathAndQuery == "/profiles/p7");
    }

    [Fact]
    public async Task No_token_is_anonymous_and_a_protected_field_is_null_with_unauthenticated()
    {
        var before = _demo.ProfilesLog.Total;
        var (status, body) = await _host.PostAsync("{ __typename me { id } }");

        Assert.Equal(200, status);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
        Assert.Null(body["data"]!["me"]);
        Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("me", (string?)body["errors"]![0]!["path"]![0]);
        Assert.Equal(before, _demo.ProfilesLog.Total);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Invalid_token_is_refused_with_401_never_anonymous(string attack)
    {
        var before = _demo.DownstreamTotal;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AttackTokens.Make(attack, _demo));
        using var response = await _host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("\"code\":\"UNAUTHENTICATED\"", text);
        Assert.DoesNotContain("\"data\"", text);
        Assert.DoesNotContain("IDX", text);
        Assert.Equal(before, _demo.DownstreamTotal);
    }

    [Theory]
    [InlineData(-10, 200)]
    [InlineData(-25, 200)]
    [InlineData(-40, 401)]
    [InlineData(-120, 401)]
    public async Task Clock_skew_is_30_seconds_on_both_sides_of_expiry(int expiredSecondsAgo, int expected)
    {
        var now = DateTimeOffset.UtcNow;
        var token = _demo.Issuer.Mint(new DemoToken { NotBefore = now.AddMinutes(-10), Expires = now.AddSeconds(expiredSecondsAgo) });

        var (status, _) = await _host.PostAsync("{ __typename }", token);

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a b")]
    public async Task Malformed_authorization_header_is_401_not_anonymous(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B__typename%7D");
        request.Headers.TryAddWithoutValidation("Authorization", header);
        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("UNAUTHENTICATED", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_in_the_query_string_is_refused()
    {
        using var response = await _host.Http.GetAsync("/graphql?query=%7B__typename%7D&access_token=" + _demo.Token());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Authorization header", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_and_ide_do_not_need_a_token_even_with_a_bad_one()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer not.a.jwt");
        using var response = await _host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

[Collection(DemoCollection.Name)]
public sealed class MobileAuthenticationTests(DemoServicesFixture demo) : AuthenticationSuite<Bff.MobileBff.Program>(demo);

[Collection(DemoCollection.Name)]
public sealed class WebAuthenticationTests(DemoServicesFixture demo) : AuthenticationSuite<Bff.WebBff.Program>(demo);
