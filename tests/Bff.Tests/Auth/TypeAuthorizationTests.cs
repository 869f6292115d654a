using Bff.Tests.Fixtures;

namespace Bff.Tests.Auth;

/// <summary>@authorize on an object type guards its fields and every field returning it, before the call is made.</summary>
[Collection(DemoCollection.Name)]
public sealed class TypeAuthorizationTests(DemoServicesFixture demo) : IDisposable
{
    private readonly string _schema = Path.Combine(Path.GetTempPath(), $"bff-authz-{Guid.NewGuid():N}.graphql");
    private HostClient? _host;

    public void Dispose()
    {
        _host?.Dispose();
        File.Delete(_schema);
    }

    [Fact]
    public async Task Type_rule_refuses_the_field_returning_it_without_a_call()
    {
        File.WriteAllText(_schema, """
            type Query {
              profile(id: ID!): Profile @rest(source: "profiles", path: "/profiles/{args.id}")
              job(id: ID!): Job @rest(source: "jobs", path: "/jobs/{args.id}")
            }
            type Profile @authorize(roles: ["admin", "support"]) { id: ID! fullName: String! }
            type Job { id: ID! title: String! }
            """);
        _host = HostClient.Start<Bff.WebBff.Program>(demo, new Dictionary<string, string?> { ["Bff:Schema"] = _schema });
        var before = demo.ProfilesLog.Total;

        var (_, refused) = await _host.PostAsync("{ profile(id: \"p1\") { fullName } job(id: \"j1\") { title } }", demo.Token(roles: ["freelancer"]));
        var calls = demo.ProfilesLog.Total - before;
        var (_, allowed) = await _host.PostAsync("{ profile(id: \"p1\") { fullName } }", demo.Token(roles: ["support"]));

        Assert.Null(refused["data"]!["profile"]);
        Assert.NotNull(refused["data"]!["job"]);
        Assert.Contains("'admin' or 'support'", (string?)refused["errors"]![0]!["message"]);
        Assert.Equal(0, calls);
        Assert.NotNull(allowed["data"]!["profile"]!["fullName"]);
    }
}
