using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching.Rest;

/// <summary>
/// A caller's value in a path segment cannot change which operation is called: dot segments (also percent-encoded)
/// are refused before any call, and '/' stays inside the segment. Runs each host with its shipped appsettings.json.
/// </summary>
public abstract class PathSegmentSuite<TProgram>(DemoServicesFixture demo)
    where TProgram : class
{
    private readonly HostClient _host = HostClient.For<TProgram>(demo);

    [Theory]
    [InlineData("job", ".")]
    [InlineData("job", "..")]
    [InlineData("job", "%2e")]
    [InlineData("job", "%2E%2e")]
    [InlineData("job", "")]
    [InlineData("profile", "..")]
    [InlineData("profile", ".")]
    public async Task A_dot_segment_is_refused_before_any_call(string field, string id)
    {
        var correlation = Guid.NewGuid().ToString("N");

        var (status, body) = await _host.PostAsync($"query ($id: ID!) {{ {field}(id: $id) {{ id }} }}", null, new { id }, ("X-Correlation-Id", correlation));

        Assert.Equal(200, status);
        Assert.Null(body["data"]![field]);
        Assert.Equal(ErrorCodes.BadUserInput, (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.DoesNotContain(demo.JobsLog.Recent.Concat(demo.ProfilesLog.Recent), r => r.CorrelationId == correlation);
    }

    [Fact]
    public async Task A_slash_stays_inside_its_segment()
    {
        var correlation = Guid.NewGuid().ToString("N");

        var (status, body) = await _host.PostAsync("{ job(id: \"../profiles/p1\") { id } }", null, null, ("X-Correlation-Id", correlation));

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Null(body["data"]!["job"]);
        var call = Assert.Single(demo.JobsLog.Recent, r => r.CorrelationId == correlation);
        Assert.Equal("/jobs/..%2Fprofiles%2Fp1", call.PathAndQuery);
    }
}

[Collection(DemoCollection.Name)]
public sealed class MobilePathSegmentTests(DemoServicesFixture demo) : PathSegmentSuite<Bff.MobileBff.Program>(demo);

[Collection(DemoCollection.Name)]
public sealed class WebPathSegmentTests(DemoServicesFixture demo) : PathSegmentSuite<Bff.WebBff.Program>(demo);
