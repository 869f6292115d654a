using System.Net;
using System.Net.Sockets;
using System.Text;
using Bff.Samples.Demo;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Demo;

/// <summary>The documented one-machine command (<c>samples/Demo -- --topology</c>) as a real process, on free ports.</summary>
[Collection(ProcessCollection.Name)]
public sealed class TopologyLauncherTests
{
    [Fact]
    public async Task Topology_serves_both_devices_over_https_through_the_front_door_with_replicas_on_redis()
    {
        var names = DemoPorts.Defaults.Keys.Concat(DemoPorts.TopologyDefaults.Keys).ToList();
        var listeners = names.Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = names.Zip(listeners, (name, l) => (name, ((IPEndPoint)l.LocalEndpoint).Port)).ToDictionary(p => p.name, p => p.Port);
        listeners.ForEach(l => l.Stop());
        var arguments = ports.SelectMany(p => new[] { "--port", $"{p.Key}={p.Value}" }).Prepend("--topology").ToArray();
        using var demo = BuiltProgram.Start("samples/Demo", "Bff.Samples.Demo", new Dictionary<string, string>(), arguments);
        await demo.WaitForOutputAsync("Bff demo is running", TimeSpan.FromSeconds(200));
        using var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        }) { Timeout = TimeSpan.FromSeconds(10) };

        var answers = new Dictionary<string, string>();
        foreach (var device in new[] { "mobile", "web" })
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!answers.ContainsKey(device))
            {
                try
                {
                    using var response = await client.PostAsync($"https://localhost:{ports["edge"]}/{device}/graphql",
                        new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"));
                    answers[device] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }
            }
        }

        using var redirect = await client.GetAsync($"http://localhost:{ports["edge-http"]}/web/graphql");
        using var toCanary = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"https://localhost:{ports["edge"]}/web/graphql")
        {
            Headers = { { "X-Canary", "1" } },
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        });

        Assert.All(answers.Values, answer => Assert.StartsWith("""200 {"data":{"__typename":"Query"}""", answer, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.PermanentRedirect, redirect.StatusCode);
        Assert.Contains("front door https://localhost:", demo.Output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, toCanary.StatusCode);
        Assert.Contains($"canary     web http://localhost:{ports["web-canary"]}", demo.Output, StringComparison.Ordinal);
        // Five replicas (two of each host and the web canary), each on the Redis the command started (a replica serves
        // from memory until its connection is up, which a busy machine may take a while to report).
        int Connected() => demo.Output.Split('\n').Count(l => l.Contains("Redis connected", StringComparison.Ordinal));
        for (var wait = System.Diagnostics.Stopwatch.StartNew(); Connected() < 5 && wait.Elapsed < TimeSpan.FromSeconds(60);)
        {
            await Task.Delay(100);
        }

        Assert.Equal(5, Connected());
    }
}
