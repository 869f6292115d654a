namespace Bff.Samples.Demo;

/// <summary>
/// Sorts the launcher's environment per host: <c>Bff__*</c> and <c>ConnectionStrings__*</c> go to both hosts, while
/// <c>MobileBff__*</c> and <c>WebBff__*</c> go only to that host, as <c>Bff__*</c>, so a setting (e.g. a source's secret)
/// that only one host knows does not stop the other.
/// </summary>
internal static class HostEnvironment
{
    private static readonly string[] Shared = ["Bff__", "ConnectionStrings__"];

    /// <summary>Gets whether <paramref name="name"/> is a variable the launcher sorts rather than passes through.</summary>
    public static bool IsForwarded(string name) =>
        Shared.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
        || name.StartsWith("MobileBff__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("WebBff__", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Returns the variables of <paramref name="project"/> (<c>MobileBff</c> or <c>WebBff</c>): <paramref name="defaults"/>,
    /// then the shared ones, then the host's own, later ones winning.
    /// </summary>
    public static Dictionary<string, string> For(string project, IReadOnlyDictionary<string, string> defaults, IReadOnlyDictionary<string, string> variables)
    {
        var result = new Dictionary<string, string>(defaults, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables.Where(v => Shared.Any(p => v.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase))))
        {
            result[name] = value;
        }

        var own = project + "__";
        foreach (var (name, value) in variables.Where(v => v.Key.StartsWith(own, StringComparison.OrdinalIgnoreCase)))
        {
            result["Bff__" + name[own.Length..]] = value;
        }

        return result;
    }
}
