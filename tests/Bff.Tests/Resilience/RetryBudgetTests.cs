using Bff.Resilience;
using Microsoft.Extensions.Time.Testing;
using Bff.Resilience.Options;

namespace Bff.Tests.Resilience;

public sealed class RetryBudgetTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Retries_are_capped_at_the_ratio_of_calls_in_the_window()
    {
        var budget = Budget(ratio: 0.2, minPerSecond: 0);
        for (var i = 0; i < 50; i++)
        {
            budget.RecordCall();
        }

        Assert.Equal(10, Enumerable.Range(0, 50).Count(_ => budget.TryTakeRetry()));
    }

    [Fact]
    public void A_quiet_source_still_gets_the_minimum_retries_per_second()
    {
        var budget = Budget(ratio: 0.2, minPerSecond: 1, windowSeconds: 5);
        budget.RecordCall();

        Assert.Equal(5, Enumerable.Range(0, 20).Count(_ => budget.TryTakeRetry())); // 1/s over a 5 s window (+0.2 does not make a whole retry)
    }

    [Fact]
    public void Budget_refills_as_the_window_slides()
    {
        var budget = Budget(ratio: 0.5, minPerSecond: 0, windowSeconds: 2);
        budget.RecordCall();
        budget.RecordCall();
        Assert.True(budget.TryTakeRetry());
        Assert.False(budget.TryTakeRetry());

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(budget.TryTakeRetry()); // the old calls left the window
        budget.RecordCall();
        budget.RecordCall();
        Assert.True(budget.TryTakeRetry());
    }

    [Fact]
    public void Zero_ratio_and_zero_minimum_allow_no_retry()
    {
        var budget = Budget(ratio: 0, minPerSecond: 0);
        budget.RecordCall();

        Assert.False(budget.TryTakeRetry());
    }

    private RetryBudget Budget(double ratio, int minPerSecond, int windowSeconds = 10) =>
        new(new RetryOptions { BudgetRatio = ratio, MinRetriesPerSecond = minPerSecond, BudgetWindow = TimeSpan.FromSeconds(windowSeconds) }, _time);
}
