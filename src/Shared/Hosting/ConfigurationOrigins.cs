using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Bff.Hosting;

/// <summary>
/// Names where a start-up problem's configuration key got its value (a JSON file, an environment variable, the command
/// line), so the message sends the operator to what they set, not to an <c>appsettings.json</c> that lacks the key.
/// </summary>
internal static partial class ConfigurationOrigins
{
    /// <summary>Rewrites each problem that starts with a <c>Bff:…</c> key (optionally after <c>appsettings.json: </c>) to start with the key's origin.</summary>
    public static List<string> Attribute(IEnumerable<string> errors, IConfigurationRoot configuration) =>
        errors.Select(error => KeyAtStart().Match(error) is { Success: true } match && Describe(configuration, match.Groups["key"].Value) is { } origin
            ? $"{origin}: {error[match.Groups["key"].Index..]}"
            : error).ToList();

    /// <summary>
    /// Describes the provider that supplies <paramref name="key"/>; for a key nobody sets (a required value missing), the
    /// providers that define its nearest section. <see langword="null"/> when nothing defines it (a default).
    /// </summary>
    public static string? Describe(IConfigurationRoot configuration, string key)
    {
        var providers = configuration.Providers.Reverse().ToList();
        for (var path = key; path.Contains(':', StringComparison.Ordinal); path = path[..path.LastIndexOf(':')])
        {
            if (providers.FirstOrDefault(p => p.TryGet(path, out _)) is { } provider)
            {
                return Name(provider, path);
            }

            var suppliers = providers.SelectMany(p => Leaves(p, path).Select(leaf => (Provider: p, Key: leaf))).ToList();
            if (suppliers.Count > 0)
            {
                // A section that a file defines is the file's to fix; one made only by variables or arguments is theirs.
                var file = suppliers.FirstOrDefault(s => s.Provider is FileConfigurationProvider);
                return file.Provider is not null
                    ? Name(file.Provider, path)
                    : string.Join(", ", suppliers.Select(s => Name(s.Provider, s.Key)).Distinct(StringComparer.Ordinal).Take(3));
            }
        }

        return null;
    }

    /// <summary>
    /// Turns the binder's "Failed to convert configuration value … at 'key' to type 'T'" into <c>key: cannot be read as T.</c>,
    /// without the value (it may be a secret); <see langword="null"/> for any other failure.
    /// </summary>
    public static string? UnreadableValue(InvalidOperationException exception) =>
        BinderFailure().Match(exception.Message) is { Success: true } match
            ? $"{match.Groups["key"].Value}: cannot be read as {match.Groups["type"].Value.Split('.')[^1]}."
            : null;

    private static string? Name(IConfigurationProvider provider, string key) => provider switch
    {
        FileConfigurationProvider file => file.Source.Path,
        EnvironmentVariablesConfigurationProvider => "environment variable " + EnvironmentVariable(provider, key),
        CommandLineConfigurationProvider => $"command-line argument --{key}",
        _ => null,
    };

    private static string EnvironmentVariable(IConfigurationProvider provider, string key)
    {
        var text = provider.ToString() ?? "";
        var start = text.IndexOf("Prefix: '", StringComparison.Ordinal);
        var prefix = start < 0 ? "" : text[(start + 9)..].TrimEnd('\'');
        var name = prefix + key.Replace(":", "__", StringComparison.Ordinal);
        return Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) ?? name;
    }

    private static IEnumerable<string> Leaves(IConfigurationProvider provider, string section)
    {
        foreach (var child in provider.GetChildKeys([], section).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = $"{section}:{child}";
            if (provider.TryGet(key, out _))
            {
                yield return key;
            }

            foreach (var leaf in Leaves(provider, key))
            {
                yield return leaf;
            }
        }
    }

    [GeneratedRegex(@"^Failed to convert configuration value .*at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex BinderFailure();

    [GeneratedRegex(@"^(?:appsettings\.json: )?(?<key>Bff(?::[^:\s]+)+)")]
    private static partial Regex KeyAtStart();
}
