using Bff.Tests.Fixtures;

namespace Bff.Tests.Stitching;

/// <summary>What each downstream received, on both hosts: the token only where configured, headers only from the allow-list.</summary>
public abstract class ForwardingSuite<TProgram>
    where TProgram : class
{
    private readonly DemoServicesFixture _demo;
    private readonly HostClient _host;

    protected ForwardingSuite(DemoServicesFixture demo)
    {
        _demo = demo;
        _host = HostClient.For<TProgram>(demo);
    }

    /// <summary>A query that calls profiles (REST), jobs (REST) and proposals (gRPC).</summary>
    protected abstract string ThreeSourceQuery { get; }

    [Fact]
    public async Task Token_goes_only_to_the_source_configured_to_forward_it_and_headers_follow_the_allow_list()
    {
        var correlation = Guid.NewGuid().ToString("N");
        var token = _demo.Token("p3");
        var (status, body) = await _host.PostAsync(ThreeSourceQuery, token, null,
            ("Accept-Language", "pt-PT"), ("X-Correlation-Id", correlation), ("X-Secret", "do-not-forward"));

        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        var profiles = _demo.ProfilesLog.Recent.Where(r => r.CorrelationId == correlation).ToList();
        var jobs = _demo.JobsLog.Recent.Where(r => r.CorrelationId == correlation).ToList();
        var proposals = _demo.ProposalsLog.Recent.Where(r => r.CorrelationId == correlation).ToList();
        Assert.NotEmpty(profiles);
        Assert.NotEmpty(jobs);
        Assert.NotEmpty(proposals);
        Assert.All(proposals, r => Assert.Equal("Bearer " + token, r.Authorization));
        Assert.All(profiles.Concat(jobs), r => Assert.Null(r.Authorization));
        Assert.All(profiles, r => Assert.Equal("pt-PT", r.AcceptLanguage));
        Assert.All(jobs.Concat(proposals), r => Assert.Null(r.AcceptLanguage));
    }

    [Fact]
    public async Task Anonymous_caller_forwards_no_token_anywhere()
    {
        var correlation = Guid.NewGuid().ToString("N");
        var (status, _) = await _host.PostAsync(ThreeSourceQuery, null, null, ("X-Correlation-Id", correlation));

        Assert.Equal(200, status);
        var all = _demo.ProfilesLog.Recent.Concat(_demo.JobsLog.Recent).Concat(_demo.ProposalsLog.Recent)
            .Where(r => r.CorrelationId == correlation).ToList();
        Assert.NotEmpty(all);
        Assert.All(all, r => Assert.Null(r.Authorization));
    }
}

[Collection(DemoCollection.Name)]
public sealed class MobileForwardingTests(DemoServicesFixture demo) : ForwardingSuite<Bff.MobileBff.Program>(demo)
{
    protected override string ThreeSourceQuery => "{ jobFeed(first: 3) { items { id client { name } proposalCount } } }";
}

[Collection(DemoCollection.Name)]
public sealed class WebForwardingTests(DemoServicesFixture demo) : ForwardingSuite<Bff.WebBff.Program>(demo)
{
    protected override string ThreeSourceQuery => "{ jobs(first: 3) { nodes { id client { fullName } stats { proposalCount } } } }";
}
