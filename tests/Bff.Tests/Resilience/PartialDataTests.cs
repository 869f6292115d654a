using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;
using Snapshooter.Xunit;

namespace Bff.Tests.Resilience;

/// <summary>With one demo service really stopped, each host answers what it can and names exactly the fields it could not.</summary>
[Collection(OutageCollection.Name)]
public sealed class PartialDataTests(OutageFixture outage) : IAsyncLifetime
{
    public Task InitializeAsync() => outage.ResetAsync();

    public Task DisposeAsync() => outage.ResetAsync();

    [Fact]
    public async Task Web_dashboard_with_proposals_down_returns_profiles_and_jobs_and_one_error_per_job_field()
    {
        using var host = new TestHost<Bff.WebBff.Program>(ResilienceSettings.Fast(outage));
        await outage.StopAsync("proposals");

        var (status, body) = await host.PostAsync("""
            query Dashboard($id: ID!) { profile(id: $id) { fullName location { city country }
              postedJobs { id title status stats { proposalCount } proposals { id bid { amountCents } freelancer { fullName } } } } }
            """, new { id = "p1" });

        Assert.Equal(200, status);
        JsonSnapshot.Of(new JsonObject { ["data"] = body["data"]?.DeepClone(), ["errors"] = ResilienceSettings.SortedErrors(body) }).MatchSnapshot();
    }
}
