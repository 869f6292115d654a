namespace Bff.Limits;

/// <summary>Builds the errors of limit breaches: each with its own code and the limit in <c>extensions.limit</c>.</summary>
internal static class LimitErrors
{
    public static Dictionary<string, object?> Extensions(int limit, double measured) => new()
    {
        ["limit"] = limit,
        ["measured"] = measured >= long.MaxValue ? long.MaxValue : (long)Math.Ceiling(measured),
    };

    public static BffError Request(string code, string message, int limit, double measured) =>
        new(code, message, Extensions(limit, measured));
}
