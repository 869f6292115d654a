using Bff.Stitching.Bindings;
using Bff.Caching;

namespace Bff.Tests.Caching;

/// <summary>How the response's Cache-Control is derived and combined.</summary>
public sealed class CacheControlValueTests
{
    [Fact]
    public void Shortest_freshness_wins_and_any_private_data_makes_it_private()
    {
        var hints = new CacheHints();
        hints.Record(CacheScope.Public, TimeSpan.FromSeconds(60));
        hints.Record(CacheScope.Private, TimeSpan.FromSeconds(12.7));

        Assert.Equal("private, max-age=12", CacheControlValue.From(hints, hasErrors: false, authenticated: false).ToString());
    }

    [Fact]
    public void Uncached_calls_errors_no_calls_and_expired_entries_are_not_stored()
    {
        var mixed = new CacheHints();
        mixed.Record(CacheScope.Public, TimeSpan.FromSeconds(60));
        mixed.RecordUncached();
        var fresh = new CacheHints();
        fresh.Record(CacheScope.Public, TimeSpan.FromSeconds(60));
        var almostExpired = new CacheHints();
        almostExpired.Record(CacheScope.Public, TimeSpan.FromMilliseconds(400));

        Assert.Equal("no-store", CacheControlValue.From(mixed, false, false).ToString());
        Assert.Equal("no-store", CacheControlValue.From(fresh, hasErrors: true, false).ToString());
        Assert.Equal("no-store", CacheControlValue.From(new CacheHints(), false, false).ToString());
        Assert.Equal("no-store", CacheControlValue.From(almostExpired, false, false).ToString());
        Assert.Equal("public, max-age=60", CacheControlValue.From(fresh, false, authenticated: false).ToString());
        Assert.Equal("private, max-age=60", CacheControlValue.From(fresh, false, authenticated: true).ToString());
    }

    [Fact]
    public void Combining_keeps_the_stricter_part_of_each()
    {
        var publicLong = new CacheControlValue(false, false, 60);
        var privateShort = new CacheControlValue(false, true, 10);

        Assert.Equal("private, max-age=10", publicLong.Combine(privateShort).ToString());
        Assert.Equal("no-store", publicLong.Combine(CacheControlValue.DoNotStore).ToString());
    }
}
