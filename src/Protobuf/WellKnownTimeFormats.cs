using System.Globalization;
using System.Text.RegularExpressions;

namespace Bff.Protobuf;

/// <summary>The JSON text forms of <c>google.protobuf.Timestamp</c> (RFC 3339) and <c>google.protobuf.Duration</c> (<c>"1.5s"</c>).</summary>
internal static partial class WellKnownTimeFormats
{
    private const long MinTimestampSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxTimestampSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z
    private const long MaxDurationSeconds = 315_576_000_000;

    /// <summary>Parses <c>2024-05-01T10:00:00.5Z</c> or <c>2024-05-01T12:00:00+02:00</c> into seconds and nanos since the epoch.</summary>
    public static (bool Ok, long Seconds, int Nanos) TryParseTimestamp(string text)
    {
        var match = TimestampPattern().Match(text);
        if (!match.Success || !DateTimeOffset.TryParseExact(
                $"{match.Groups[1].Value}T{match.Groups[2].Value}{match.Groups[4].Value.ToUpperInvariant()}",
                "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return (false, 0, 0);
        }

        return (true, instant.ToUnixTimeSeconds(), Nanos(match.Groups[3].Value));
    }

    /// <summary>Parses <c>1.5s</c>, <c>-0.010s</c> or <c>3600s</c> into seconds and nanos (both carrying the sign).</summary>
    public static (bool Ok, long Seconds, int Nanos) TryParseDuration(string text)
    {
        var match = DurationPattern().Match(text);
        if (!match.Success || !long.TryParse(match.Groups[2].Value, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxDurationSeconds)
        {
            return (false, 0, 0);
        }

        var sign = match.Groups[1].Success ? -1 : 1;
        return (true, sign * seconds, sign * Nanos(match.Groups[3].Value));
    }

    /// <summary>Formats a timestamp as RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, or null when out of range.</summary>
    public static string? FormatTimestamp(long seconds, int nanos)
    {
        if (seconds is < MinTimestampSeconds or > MaxTimestampSeconds || nanos is < 0 or > 999_999_999)
        {
            return null;
        }

        var instant = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        return instant.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + Fraction(nanos) + "Z";
    }

    /// <summary>Formats a duration as <c>[-]seconds[.fraction]s</c>, or null when out of range or the signs disagree.</summary>
    public static string? FormatDuration(long seconds, int nanos)
    {
        if (Math.Abs((decimal)seconds) > MaxDurationSeconds || nanos is < -999_999_999 or > 999_999_999
            || (seconds > 0 && nanos < 0) || (seconds < 0 && nanos > 0))
        {
            return null;
        }

        var sign = seconds < 0 || nanos < 0 ? "-" : string.Empty;
        return $"{sign}{Math.Abs(seconds).ToString(CultureInfo.InvariantCulture)}{Fraction(Math.Abs(nanos))}s";
    }

    private static int Nanos(string fraction) =>
        fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);

    private static string Fraction(int nanos) => nanos switch
    {
        0 => string.Empty,
        _ when nanos % 1_000_000 == 0 => "." + (nanos / 1_000_000).ToString("D3", CultureInfo.InvariantCulture),
        _ when nanos % 1_000 == 0 => "." + (nanos / 1_000).ToString("D6", CultureInfo.InvariantCulture),
        _ => "." + nanos.ToString("D9", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^([0-9]{4}-[0-9]{2}-[0-9]{2})[Tt]([0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.([0-9]{1,9}))?([Zz]|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^(-)?([0-9]{1,12})(?:\.([0-9]{1,9}))?s$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
