using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bff.Hosting;
using Bff.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Http;

/// <summary>
/// The hostile request table against both hosts running in Production: each case gets its status and code, never a
/// 500 or a stack trace, and refused requests reach no downstream service.
/// </summary>
public abstract class HostileRequestSuite<TProgram>
    where TProgram : class
{
    private static readonly ConcurrentDictionary<Type, Lazy<HostClient>> Hosts = new();
    private readonly DemoServicesFixture _demo;
    private readonly HostClient _host;

    // The table probes the limits behind the trusted-document allow-list (which mobile enforces in Production and
    // which would refuse every case first); the allow-list has its own tests (tests/Bff.Tests/PersistedQueries).
    private static readonly Dictionary<string, string?> ProductionWithoutTrustedDocuments = new() { ["Bff:TrustedDocuments:Mode"] = "Off" };

    protected HostileRequestSuite(DemoServicesFixture demo)
    {
        _demo = demo;
        _host = Hosts.GetOrAdd(typeof(TProgram), _ => new Lazy<HostClient>(() =>
            HostClient.Start<TProgram>(demo, ProductionWithoutTrustedDocuments, "Production"))).Value;
    }

    public static TheoryData<string> Cases => new(HostileRequests.All.Select(c => c.Name));

    [Fact]
    public void The_table_has_at_least_40_cases() => Assert.True(HostileRequests.All.Count >= 40, $"{HostileRequests.All.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_request_gets_its_defined_answer(string name)
    {
        var hostile = HostileRequests.All.Single(c => c.Name == name);
        var context = new HostileContext(_host.Services.GetRequiredService<BffOptions>(), _demo, typeof(TProgram) == typeof(Bff.MobileBff.Program));
        var (expectedStatus, expectedCode) = hostile.Expect(context);
        var before = _demo.DownstreamTotal;

        using var request = hostile.Build(context);
        using var response = await _host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var calls = _demo.DownstreamTotal - before;

        Assert.True(expectedStatus == (int)response.StatusCode, $"{name}: expected {expectedStatus}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 600)]}");
        Assert.NotEqual(500, (int)response.StatusCode);
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        var codes = Codes(JsonNode.Parse(text));
        if (expectedCode is null)
        {
            Assert.Empty(codes);
        }
        else if (expectedCode.StartsWith('!'))
        {
            Assert.NotEmpty(codes);
            Assert.DoesNotContain(expectedCode[1..], codes);
        }
        else
        {
            Assert.Contains(expectedCode, codes);
        }

        if (hostile.Refused)
        {
            Assert.True(calls == 0, $"{name}: {calls} downstream calls for a refused request");
        }
    }

    private static List<string> Codes(JsonNode? body) => body switch
    {
        JsonArray batch => batch.SelectMany(Codes).ToList(),
        JsonObject single => (single["errors"] as JsonArray ?? []).Select(e => (string?)e!["extensions"]?["code"] ?? "(none)").ToList(),
        _ => ["(not json)"],
    };
}

[Collection(DemoCollection.Name)]
public sealed class MobileHostileRequestTests(DemoServicesFixture demo) : HostileRequestSuite<Bff.MobileBff.Program>(demo);

[Collection(DemoCollection.Name)]
public sealed class WebHostileRequestTests(DemoServicesFixture demo) : HostileRequestSuite<Bff.WebBff.Program>(demo);
