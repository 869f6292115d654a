using Bff.Subscriptions;

namespace Bff.Tests.Subscriptions;

public sealed class SubscriptionOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(SubscriptionOptionsValidator.Validate(new SubscriptionOptions()));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_key()
    {
        var options = new SubscriptionOptions
        {
            ConnectionInitTimeout = TimeSpan.Zero,
            KeepAliveInterval = TimeSpan.FromSeconds(-1),
            BufferCapacity = 0,
            MaxSubscriptionsPerCaller = 0,
            MaxConnectionsPerCaller = -1,
        };
        options.AllowedOrigins.Add("https://app.example.com/path");
        options.AllowedOrigins.Add("https://ok.example.com");

        var errors = SubscriptionOptionsValidator.Validate(options).ToList();

        Assert.Equal(6, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Bff:Subscriptions:ConnectionInitTimeout:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Bff:Subscriptions:KeepAliveInterval:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Bff:Subscriptions:BufferCapacity:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Bff:Subscriptions:MaxSubscriptionsPerCaller:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Bff:Subscriptions:MaxConnectionsPerCaller:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Bff:Subscriptions:AllowedOrigins:0:", StringComparison.Ordinal));
    }
}
