using Bff.Hosting;
using Bff.Resilience;
using Bff.Stitching;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Resilience;

[Collection(DemoCollection.Name)]
public sealed class ResilienceOptionsValidatorTests(DemoServicesFixture demo)
{
    [Fact]
    public void Defaults_are_valid()
    {
        var options = new BffOptions();
        options.Sources["profiles"] = new SourceOptions();

        Assert.Empty(ResilienceOptionsValidator.Validate(options.Sources, options.Http.RequestTimeout, "appsettings.json"));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_naming_its_key()
    {
        var options = new BffOptions();
        var source = options.Sources["jobs"] = new SourceOptions { Timeout = TimeSpan.FromSeconds(20) };
        source.Resilience.AttemptTimeout = TimeSpan.Zero;
        source.Resilience.Retry.MaxRetries = 11;
        source.Resilience.Retry.BudgetRatio = 2;
        source.Resilience.CircuitBreaker.MinimumThroughput = 1;
        source.Resilience.CircuitBreaker.BreakDuration = TimeSpan.FromMilliseconds(100);
        source.Resilience.MaxConcurrentCalls = 0;
        source.Chaos.FaultRate = -0.5;

        var errors = ResilienceOptionsValidator.Validate(options.Sources, options.Http.RequestTimeout, "appsettings.json");

        Assert.Equal(
            [
                "appsettings.json: Bff:Sources:jobs:Timeout: must be shorter than Bff:Http:RequestTimeout (00:00:15) so a slow source fails its own fields, not the whole request (is 00:00:20).",
                "appsettings.json: Bff:Sources:jobs:Resilience:AttemptTimeout: must be between 10 ms and 1 day (is 00:00:00).",
                "appsettings.json: Bff:Sources:jobs:Resilience:Retry:MaxRetries: must be between 0 and 10 (is 11).",
                "appsettings.json: Bff:Sources:jobs:Resilience:Retry:BudgetRatio: must be between 0 and 1 (is 2).",
                "appsettings.json: Bff:Sources:jobs:Resilience:CircuitBreaker:MinimumThroughput: must be at least 2 (is 1).",
                "appsettings.json: Bff:Sources:jobs:Resilience:CircuitBreaker:BreakDuration: must be between 500 ms and 1 day (is 00:00:00.1000000).",
                "appsettings.json: Bff:Sources:jobs:Resilience:MaxConcurrentCalls: must be at least 1 (is 0).",
                "appsettings.json: Bff:Sources:jobs:Chaos:FaultRate: must be between 0 and 1 (is -0.5).",
            ],
            errors);
    }

    [Theory]
    [InlineData("Bff:Sources:profiles:Resilience:CircuitBreaker:FailureRatio", "0", "Bff:Sources:profiles:Resilience:CircuitBreaker:FailureRatio: must be more than 0 and at most 1")]
    [InlineData("Bff:Sources:proposals:Resilience:Retry:MaxDelay", "00:00:00.001", "Bff:Sources:proposals:Resilience:Retry:MaxDelay: must be at least Retry:BaseDelay and at most 1 day")]
    [InlineData("Bff:Http:RequestTimeout", "00:00:01", "Bff:Sources:jobs:Timeout: must be shorter than Bff:Http:RequestTimeout")]
    [InlineData("Bff:Sources:jobs:Resilience:CircuitBreaker:SamplingDuration", "2.00:00:00", "Bff:Sources:jobs:Resilience:CircuitBreaker:SamplingDuration: must be between 500 ms and 1 day")]
    public void Host_with_bad_resilience_settings_does_not_start(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>(demo.HostSettings) { [key] = value };
        using var factory = new BffHostFactory<Bff.WebBff.Program>(settings);

        var ex = Assert.Throws<BffConfigurationException>(() => factory.StartServer());

        Assert.Contains(expected, ex.Message);
    }
}
