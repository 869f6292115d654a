using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Demo;

/// <summary>The demo launcher's control API stops and restarts services on the same port.</summary>
[Collection(OutageCollection.Name)]
public sealed class ControlApiTests(OutageFixture outage) : IAsyncLifetime
{
    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Fact]
    public async Task Stop_and_start_take_a_service_down_and_back_on_the_same_port()
    {
        var jobs = outage.HostSettings["Bff:Sources:jobs:BaseAddress"]!;
        using var http = new HttpClient { BaseAddress = new Uri(jobs) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        using var stopped = await outage.Control.PostAsync("/demo/services/jobs/stop", null);
        var state = await stopped.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False((bool)state!["running"]!);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/health"));

        using var started = await outage.Control.PostAsync("/demo/services/jobs/start", null);
        Assert.True((bool)(await started.Content.ReadFromJsonAsync<JsonObject>())!["running"]!);
        Assert.Equal(jobs, outage.HostSettings["Bff:Sources:jobs:BaseAddress"]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Lists_services_and_refuses_unknown_names_and_actions()
    {
        var list = await outage.Control.GetFromJsonAsync<JsonArray>("/demo/services");
        Assert.Equal(["profiles", "jobs", "proposals"], list!.Select(s => (string?)s!["name"]));

        using var unknown = await outage.Control.PostAsync("/demo/services/billing/stop", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var badAction = await outage.Control.PostAsync("/demo/services/jobs/restart", null);
        Assert.Equal(HttpStatusCode.BadRequest, badAction.StatusCode);
    }
}
