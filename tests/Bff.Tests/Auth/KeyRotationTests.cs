using Bff.Samples.Common;
using Bff.Samples.Identity;
using Bff.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;

namespace Bff.Tests.Auth;

/// <summary>Through a real host and its own issuer: an unknown-kid flood costs one JWKS fetch; rotation and outages keep tokens working.</summary>
[Collection(DemoCollection.Name)]
public sealed class KeyRotationTests(DemoServicesFixture demo) : IAsyncLifetime
{
    private readonly RequestLog _log = new();
    private readonly HttpFaults _faults = new();
    private readonly DemoIssuer _issuer = new("http://placeholder");
    private WebApplication _app = null!;
    private HostClient _host = null!;

    public async Task InitializeAsync()
    {
        _app = IdentityService.Create("http://127.0.0.1:0", _issuer, _log, _faults);
        await _app.StartAsync();
        var url = _app.Urls.First();
        _issuer.Issuer = url.TrimEnd('/');
        _host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?>
        {
            ["Bff:Auth:Authority"] = url,
            ["Bff:Auth:KeyRefreshMinInterval"] = "00:00:01",
        });
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_kid_flood_fetches_the_jwks_once_and_a_rotated_key_works_on_its_first_request()
    {
        Assert.Equal(200, (await _host.PostAsync("{ __typename }", _issuer.Mint(new DemoToken()))).Status);
        var fetchesAfterFirst = _log.Count("GET " + IdentityService.JwksPath);

        var attacker = System.Security.Cryptography.RSA.Create(2048);
        var tokens = Enumerable.Range(0, 40)
            .Select(i => _issuer.Mint(new DemoToken(), new Microsoft.IdentityModel.Tokens.RsaSecurityKey(attacker) { KeyId = "random-" + i }))
            .ToList();
        var floods = await Task.WhenAll(tokens.Select(t => _host.PostAsync("{ __typename }", t)));
        var fetchesAfterFlood = _log.Count("GET " + IdentityService.JwksPath);

        await Task.Delay(TimeSpan.FromSeconds(1.2));
        _issuer.Rotate();
        var (rotatedStatus, _) = await _host.PostAsync("{ __typename }", _issuer.Mint(new DemoToken()));

        Assert.Equal(1, fetchesAfterFirst);
        Assert.All(floods, f => Assert.Equal(401, f.Status));
        Assert.InRange(fetchesAfterFlood, 1, 2);
        Assert.Equal(200, rotatedStatus);
    }

    [Fact]
    public async Task Issuer_outage_does_not_fail_tokens_signed_with_cached_keys()
    {
        var token = _issuer.Mint(new DemoToken());
        Assert.Equal(200, (await _host.PostAsync("{ __typename }", token)).Status);

        _faults.FailWithStatus = 503;
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var (withUnknownKid, _) = await _host.PostAsync("{ __typename }", AttackTokens.Make("unknown-key", demo));
        var (withKnownKey, body) = await _host.PostAsync("{ __typename }", token);

        Assert.Equal(401, withUnknownKid);
        Assert.Equal(200, withKnownKey);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
    }
}
