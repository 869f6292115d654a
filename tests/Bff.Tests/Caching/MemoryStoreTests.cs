using Bff.Caching;
using Microsoft.Extensions.Time.Testing;

namespace Bff.Tests.Caching;

/// <summary>The in-process level: bounded, expiring on the injected clock.</summary>
public sealed class MemoryStoreTests
{
    [Fact]
    public void Entries_expire_on_the_injected_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new MemoryStore<string>(10, time);
        store.Set("k", "v", time.GetUtcNow().AddSeconds(5).ToUnixTimeMilliseconds());

        Assert.True(store.TryGet("k", out var fresh));
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(store.TryGet("k", out _));
        Assert.Equal("v", fresh);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void A_full_store_drops_expired_entries_first_and_never_grows_past_its_capacity()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new MemoryStore<string>(10, time);
        for (var i = 0; i < 5; i++)
        {
            store.Set($"old{i}", "x", time.GetUtcNow().AddSeconds(1).ToUnixTimeMilliseconds());
        }

        for (var i = 0; i < 5; i++)
        {
            store.Set($"keep{i}", "x", long.MaxValue);
        }

        time.Advance(TimeSpan.FromSeconds(2));
        store.Set("new", "x", long.MaxValue);
        for (var i = 0; i < 100; i++)
        {
            store.Set($"more{i}", "x", long.MaxValue);
        }

        Assert.InRange(store.Count, 1, 10);
        Assert.False(store.TryGet("old0", out _));
    }

    [Fact]
    public void A_store_of_capacity_zero_keeps_nothing()
    {
        var store = new MemoryStore<string>(0, TimeProvider.System);
        store.Set("k", "v", long.MaxValue);

        Assert.False(store.TryGet("k", out _));
    }
}
