using System.Globalization;

namespace Bff.Samples.Common;

/// <summary>Helpers for the deterministic seed data of the demo services.</summary>
public static class SeedData
{
    /// <summary>
    /// The instant the seed data is relative to (instead of the clock), so every run serves the same
    /// data: 2025-06-01T12:00:00Z.
    /// </summary>
    public static readonly DateTimeOffset Reference = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Formats an instant as an RFC 3339 UTC timestamp, e.g. <c>2025-06-01T12:00:00Z</c>.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The timestamp text.</returns>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Picks one item.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="random">A seeded generator.</param>
    /// <param name="items">The items to pick from.</param>
    /// <returns>One of <paramref name="items"/>.</returns>
    public static T Pick<T>(this Random random, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(items);
        return items[random.Next(items.Count)];
    }

    /// <summary>Picks <paramref name="count"/> distinct items, in the order picked.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="random">A seeded generator.</param>
    /// <param name="items">The items to pick from.</param>
    /// <param name="count">How many to pick; at most <paramref name="items"/>' count.</param>
    /// <returns>The picked items.</returns>
    public static List<T> PickDistinct<T>(this Random random, IReadOnlyList<T> items, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(items);
        var indexes = Enumerable.Range(0, items.Count).ToList();
        var picked = new List<T>(count);
        for (var i = 0; i < count && indexes.Count > 0; i++)
        {
            var at = random.Next(indexes.Count);
            picked.Add(items[indexes[at]]);
            indexes.RemoveAt(at);
        }

        return picked;
    }
}
