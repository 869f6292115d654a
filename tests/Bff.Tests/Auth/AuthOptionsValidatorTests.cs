using Bff.Auth;
using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Auth;

/// <summary>Bad authentication, forwarding and limit settings stop the host at start-up, naming the configuration key.</summary>
public sealed class AuthOptionsValidatorTests
{
    [Fact]
    public void Valid_discovery_settings_pass() =>
        Assert.Empty(AuthOptionsValidator.Validate(new AuthOptions { Authority = new Uri("https://login.example"), Audience = "api" }));

    [Fact]
    public void Http_authority_needs_an_explicit_opt_out() =>
        Assert.Contains(AuthOptionsValidator.Validate(new AuthOptions { Authority = new Uri("http://login.example"), Audience = "api" }),
            e => e.StartsWith("Bff:Auth:Authority must be https", StringComparison.Ordinal));

    [Fact]
    public void Missing_audience_and_issuer_are_reported_together()
    {
        var errors = AuthOptionsValidator.Validate(new AuthOptions { JwksUri = new Uri("https://login.example/jwks") }).ToList();

        Assert.Contains(errors, e => e.StartsWith("Bff:Auth:Audience is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Bff:Auth:Issuer is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Hmac_algorithms_and_bad_keys_are_refused()
    {
        var options = new AuthOptions { Issuer = "i", Audience = "a" };
        options.Algorithms.Add("HS256");
        options.SigningKeys.Add(new SigningKeyOptions { PublicKeyPem = "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----" });

        var errors = AuthOptionsValidator.Validate(options).ToList();

        Assert.Contains(errors, e => e.StartsWith("Bff:Auth:Algorithms: 'HS256' is not accepted", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Bff:Auth:SigningKeys:0:PublicKeyPem", StringComparison.Ordinal));
    }

    [Fact]
    public void Forwarding_the_authorization_header_by_name_is_refused()
    {
        var source = new SourceOptions();
        source.ForwardHeaders.Add("Authorization");
        source.Auth.Mode = SourceAuthMode.Static;

        var errors = OutgoingHeaders.Validate(new Dictionary<string, SourceOptions> { ["jobs"] = source }).ToList();

        Assert.Contains(errors, e => e.Contains("Bff:Sources:jobs:Auth:Mode = Forward", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Bff:Sources:jobs:Auth:Value is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Negative_limit_is_reported() =>
        Assert.Contains(new Bff.Limits.LimitOptions { MaxCost = -1 }.Validate(), e => e.StartsWith("Bff:Limits:MaxCost", StringComparison.Ordinal));
}

/// <summary>Settings checked when a real host starts.</summary>
[Collection(DemoCollection.Name)]
public sealed class AuthStartupTests(DemoServicesFixture demo) : IDisposable
{
    private readonly string _schema = Path.Combine(Path.GetTempPath(), $"bff-policy-{Guid.NewGuid():N}.graphql");

    public void Dispose() => File.Delete(_schema);

    [Fact]
    public void Unknown_policy_stops_the_host_naming_file_line_and_field()
    {
        File.WriteAllText(_schema, """
            type Query {
              job(id: ID!): Job @authorize(policy: "Nope") @rest(source: "jobs", path: "/jobs/{args.id}")
            }
            type Job { id: ID! }
            """);

        var error = Assert.ThrowsAny<Exception>(() => HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?> { ["Bff:Schema"] = _schema }));

        Assert.Contains(":2: Query.job: @authorize policy 'Nope' is not defined", Flatten(error));
    }

    [Fact]
    public void Static_source_credential_without_value_stops_the_host()
    {
        var error = Assert.ThrowsAny<Exception>(() => HostClient.Start<Bff.MobileBff.Program>(demo, new Dictionary<string, string?> { ["Bff:Sources:jobs:Auth:Mode"] = "Static" }));

        Assert.Contains("Bff:Sources:jobs:Auth:Value is required", Flatten(error));
    }

    private static string Flatten(Exception error) => error is AggregateException or InvalidOperationException && error.InnerException is { } inner
        ? error.Message + Flatten(inner)
        : error.Message + (error.InnerException is { } next ? Flatten(next) : "");
}
