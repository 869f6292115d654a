using Bff.Stitching;
using Bff.Stitching.Instances;

namespace Bff.Tests.Stitching.Instances;

public sealed class SourceAddressesTests
{
    [Fact]
    public void Every_problem_of_the_addresses_is_reported_with_its_key()
    {
        var jobs = new SourceOptions { BaseAddress = new Uri("http://elsewhere:9000"), InstanceRecheck = TimeSpan.Zero };
        jobs.Addresses.AddRange(["http://jobs-1:8080", "jobs-2:8080", "/relative", "https://jobs-3:8443"]);

        var problems = SourceAddresses.Validate(new Dictionary<string, SourceOptions> { ["jobs"] = jobs }).ToList();

        Assert.Contains("appsettings.json: Bff:Sources:jobs: BaseAddress 'http://elsewhere:9000/' is not one of Addresses: set BaseAddress to empty or to one of the addresses.", problems);
        Assert.Contains(problems, p => p.StartsWith("appsettings.json: Bff:Sources:jobs:Addresses:1: 'jobs-2:8080' is not an absolute http or https URI", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("appsettings.json: Bff:Sources:jobs:Addresses:2: '/relative' is not an absolute", StringComparison.Ordinal));
        Assert.Contains("appsettings.json: Bff:Sources:jobs:InstanceRecheck: must be positive.", problems);
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Mixed_schemes_are_refused_and_a_base_address_among_the_addresses_is_accepted()
    {
        var mixed = new SourceOptions();
        mixed.Addresses.AddRange(["http://jobs-1:8080", "https://jobs-2:8443"]);
        var kept = new SourceOptions { BaseAddress = new Uri("http://jobs-2:8080") };
        kept.Addresses.AddRange(["http://jobs-1:8080", "http://jobs-2:8080"]);

        var problems = SourceAddresses.Validate(new Dictionary<string, SourceOptions> { ["mixed"] = mixed, ["kept"] = kept }).ToList();

        Assert.Equal(["appsettings.json: Bff:Sources:mixed:Addresses: every address must use the same scheme (http or https)."], problems);
        Assert.Equal(2, SourceAddresses.Parse(kept).Count);
    }
}
