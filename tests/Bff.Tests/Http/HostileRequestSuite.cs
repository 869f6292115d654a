using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bff.Hosting;
using Bff.PersistedQueries;
using Bff.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bff.Tests.Http;

/// <summary>How the host of a hostile table is set up.</summary>
public enum HostileSetup
{
    /// <summary>Production, with only the limits in front: rate limiting, caching and trusted documents off.</summary>
    LimitsOnly,

    /// <summary>Production as shipped: the host's own appsettings.json, only addresses overridden.</summary>
    Shipped,
}

/// <summary>
/// The hostile request table against both hosts running in Production, once with only the limits in front and once
/// exactly as shipped (rate limiting, caching, trusted documents): each case gets its status and code, never a 500
/// or a stack trace, and refused requests reach no downstream service. Each case connects from its own loopback
/// address, so it is its own client for the rate limiter, as distinct attackers would be.
/// </summary>
public abstract class HostileRequestSuite<TProgram>
    where TProgram : class
{
    private static readonly ConcurrentDictionary<(Type, HostileSetup), Lazy<IDisposable>> Hosts = new();
    private readonly DemoServicesFixture _demo;
    private readonly HostileSetup _setup;
    private readonly BffHostFactory<TProgram> _host;

    protected HostileRequestSuite(DemoServicesFixture demo, HostileSetup setup)
    {
        _demo = demo;
        _setup = setup;
        _host = (BffHostFactory<TProgram>)Hosts.GetOrAdd((typeof(TProgram), setup), _ => new Lazy<IDisposable>(() =>
        {
            var settings = setup == HostileSetup.Shipped ? demo.AddressSettings : demo.HostSettings;
            if (setup == HostileSetup.LimitsOnly)
            {
                // The table probes the limits behind the trusted-document allow-list, which mobile enforces in Production.
                settings["Bff:TrustedDocuments:Mode"] = "Off";
                settings["Bff:Diagnostics:DownstreamCalls"] = "false";
            }

            var factory = new BffHostFactory<TProgram>(settings, "Production");
            factory.StartServer();
            return factory;
        })).Value;
    }

    public static TheoryData<string> Cases => new(HostileRequests.All.Select(c => c.Name));

    [Fact]
    public void The_table_has_at_least_40_cases() => Assert.True(HostileRequests.All.Count >= 40, $"{HostileRequests.All.Count} cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_request_gets_its_defined_answer(string name)
    {
        var hostile = HostileRequests.All.Single(c => c.Name == name);
        var index = HostileRequests.All.ToList().IndexOf(hostile);
        var options = _host.Services.GetRequiredService<BffOptions>();
        var trustedOnly = options.TrustedDocuments.EffectiveMode("Production") == TrustedDocumentMode.Enforce;
        var context = new HostileContext(options, _demo, typeof(TProgram) == typeof(Bff.MobileBff.Program), trustedOnly);
        var (expectedStatus, expectedCode) = trustedOnly && hostile.Stage == HostileStage.Operation
            ? (IsBatch(hostile, context) ? 200 : 400, ErrorCodes.PersistedQueryNotAllowed)
            : hostile.Expect(context);
        var before = _demo.DownstreamTotal;

        using var http = ClientFrom(IPAddress.Parse($"127.0.0.{10 + index}"));
        using var request = hostile.Build(context);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var calls = _demo.DownstreamTotal - before;

        Assert.True(expectedStatus == (int)response.StatusCode, $"{_setup} {name}: expected {expectedStatus}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 600)]}");
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

        if (hostile.Refused || trustedOnly)
        {
            Assert.True(calls == 0, $"{_setup} {name}: {calls} downstream calls for a refused request");
        }
    }

    private static bool IsBatch(HostileCase hostile, HostileContext context)
    {
        using var request = hostile.Build(context);
        return request.Content?.ReadAsStringAsync().Result.TrimStart().StartsWith('[') == true;
    }

    /// <summary>A client of the host whose connections come from <paramref name="local"/> (any 127.x address is loopback).</summary>
    private HttpClient ClientFrom(IPAddress local)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (connect, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(connect.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var address = _host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new HttpClient(handler) { BaseAddress = new Uri(address) };
    }

    private static List<string> Codes(JsonNode? body) => body switch
    {
        JsonArray batch => batch.SelectMany(Codes).ToList(),
        JsonObject single => (single["errors"] as JsonArray ?? []).Select(e => (string?)e!["extensions"]?["code"] ?? "(none)").ToList(),
        _ => ["(not json)"],
    };
}

[Collection(DemoCollection.Name)]
public sealed class MobileHostileRequestTests(DemoServicesFixture demo) : HostileRequestSuite<Bff.MobileBff.Program>(demo, HostileSetup.LimitsOnly);

[Collection(DemoCollection.Name)]
public sealed class WebHostileRequestTests(DemoServicesFixture demo) : HostileRequestSuite<Bff.WebBff.Program>(demo, HostileSetup.LimitsOnly);

[Collection(DemoCollection.Name)]
public sealed class MobileShippedHostileRequestTests(DemoServicesFixture demo) : HostileRequestSuite<Bff.MobileBff.Program>(demo, HostileSetup.Shipped);

[Collection(DemoCollection.Name)]
public sealed class WebShippedHostileRequestTests(DemoServicesFixture demo) : HostileRequestSuite<Bff.WebBff.Program>(demo, HostileSetup.Shipped);
