using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Instances;

/// <summary>A write that could not connect to one instance goes to another, once: nothing was sent to the first.</summary>
[Collection(InstancesCollection.Name)]
public sealed class InstanceWriteTests(InstancesFixture instances) : IAsyncLifetime
{
    private const string PostJob = """
        mutation { postJob(input: { title: "Moved", description: "Sent once, to the instance that is up.", clientId: "p2", budgetMin: 1, budgetMax: 2 }) { id } }
        """;

    public Task InitializeAsync() => instances.ResetAsync();

    public Task DisposeAsync() => instances.ResetAsync();

    [Fact]
    public async Task Post_refused_by_a_stopped_instance_is_sent_once_to_another()
    {
        var settings = instances.HostSettings;
        settings["Bff:Sources:jobs:Resilience:Retry:MaxRetries"] = "0";
        using var host = new TestHost<Bff.WebBff.Program>(settings);
        await instances.StopInstanceAsync(0);

        for (var i = 0; i < 4; i++)
        {
            var (status, body) = await host.PostAsync(PostJob);
            Assert.Equal(200, status);
            Assert.True(body["errors"] is null, body.ToJsonString());
            Assert.NotNull((string?)body["data"]!["postJob"]!["id"]);
        }

        Assert.Equal(4, instances.JobsLogs[1].Count("POST /jobs"));
        Assert.Equal(0, instances.JobsLogs[0].Total);
    }
}
