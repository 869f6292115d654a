using Bff.Tests.Fixtures;

namespace Bff.Tests.Caching;

/// <summary>
/// Every header a source receives is part of the cache key of its calls: a cached answer never crosses values of a
/// forwarded header (a tenant), whether or not it is also a vary header. Real web host, real downstream on loopback.
/// </summary>
public sealed class DownstreamCacheKeyTests : IAsyncLifetime
{
    private TenantService _tenants = null!;
    private string _schema = null!;

    public async Task InitializeAsync()
    {
        _tenants = await TenantService.StartAsync();
        _schema = CustomSchema.Write(TenantService.Sdl);
    }

    public async Task DisposeAsync()
    {
        CustomSchema.Delete(_schema);
        await _tenants.DisposeAsync();
    }

    [Fact]
    public async Task A_cached_answer_is_never_served_to_a_caller_of_another_tenant()
    {
        using var host = new SharedStateHost<Bff.WebBff.Program>(_tenants.Settings(_schema, ("Bff:Sources:tenants:ForwardHeaders:0", "X-Tenant")));
        var client = host.Start();

        var acme = await client.QueryAsync("{ tenant }", headers: Tenant("acme"));
        var globex = await client.QueryAsync("{ tenant }", headers: Tenant("globex"));
        var acmeAgain = await client.QueryAsync("{ tenant }", headers: Tenant("acme"));

        Assert.Equal("tenant-acme", (string?)acme.Body["data"]!["tenant"]);
        Assert.Equal("tenant-globex", (string?)globex.Body["data"]!["tenant"]);
        Assert.Equal(["ok"], globex.Outcomes);
        Assert.Equal("tenant-acme", (string?)acmeAgain.Body["data"]!["tenant"]);
        Assert.Equal(["cache_hit"], acmeAgain.Outcomes);
        Assert.Equal(2, _tenants.HeadersOf("/tenant").Count);
    }

    [Fact]
    public async Task A_forwarded_header_listed_in_UnkeyedHeaders_does_not_split_the_cache()
    {
        // The shipped appsettings forward X-Correlation-Id and list it as unkeyed: a per-request id must not defeat caching.
        using var host = new SharedStateHost<Bff.WebBff.Program>(_tenants.Settings(_schema, ("Bff:Sources:tenants:ForwardHeaders:0", "X-Correlation-Id")));
        var client = host.Start();

        var first = await client.QueryAsync("{ tenant }", headers: new Dictionary<string, string> { ["X-Correlation-Id"] = "one" });
        var second = await client.QueryAsync("{ tenant }", headers: new Dictionary<string, string> { ["X-Correlation-Id"] = "two" });

        Assert.Equal(["ok"], first.Outcomes);
        Assert.Equal(["cache_hit"], second.Outcomes);
        Assert.Equal("one", _tenants.HeadersOf("/tenant").Single()["X-Correlation-Id"]);
    }

    private static Dictionary<string, string> Tenant(string name) => new() { ["X-Tenant"] = name };
}
