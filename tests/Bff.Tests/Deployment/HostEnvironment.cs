using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Bff.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bff.Tests.Deployment;

/// <summary>
/// Checks environment variables a deployment gives a BFF host against what the host really reads, so compose files and
/// manifests cannot drift from configuration: every <c>Bff__…</c> name must be a property path of <see cref="BffOptions"/>,
/// every named entry (a source, a policy) must exist in the host's shipped <c>appsettings.json</c>, and every value must
/// convert to the property's type.
/// </summary>
internal static class HostEnvironment
{
    /// <summary>Variables read by the runtime or the OpenTelemetry SDK rather than the Bff section.</summary>
    private static readonly string[] OtherPrefixes = ["OTEL_", "ASPNETCORE_", "DOTNET_"];

    public static IConfiguration ShippedSettings(string project) =>
        new ConfigurationBuilder().AddJsonFile(DeploymentFiles.PathOf($"src/{project}/appsettings.json")).Build();

    /// <summary>Returns one line per variable the host would ignore or refuse; empty when all are understood.</summary>
    public static List<string> Problems(string project, IReadOnlyDictionary<string, string?> variables)
    {
        var shipped = ShippedSettings(project);
        var problems = new List<string>();
        foreach (var (name, value) in variables)
        {
            if (name == "ConnectionStrings__Redis" || OtherPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var problem = name.StartsWith(BffOptions.SectionName + "__", StringComparison.Ordinal)
                ? Check(shipped, name.Split("__"), value)
                : "not a setting of the host";
            if (problem is not null)
            {
                problems.Add($"{name}: {problem}");
            }
        }

        return problems;
    }

    private static string? Check(IConfiguration shipped, string[] segments, string? value)
    {
        var type = typeof(BffOptions);
        for (var i = 1; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (Dictionary(type) is { } valueType)
            {
                var path = string.Join(':', segments.Take(i + 1));
                if (!shipped.GetSection(path).Exists())
                {
                    return $"'{segment}' is not in appsettings.json ({path})";
                }

                type = valueType;
            }
            else if (Element(type) is { } elementType)
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    return $"'{segment}' is not a list index";
                }

                type = elementType;
            }
            else if (type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                type = property.PropertyType;
            }
            else
            {
                return $"{type.Name} has no property '{segment}'";
            }
        }

        return Converts(type, value);
    }

    private static string? Converts(Type type, string? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target != typeof(string) && (Dictionary(target) is not null || Element(target) is not null || target.IsClass && target != typeof(Uri)))
        {
            return $"names a section ({target.Name}), not a value";
        }

        try
        {
            var converted = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value ?? "");
            return target == typeof(Uri) && converted is Uri { IsAbsoluteUri: false } ? $"'{value}' is not an absolute URI" : null;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            return $"'{value}' is not a {target.Name}";
        }
    }

    private static Type? Dictionary(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string)
            ? type.GetGenericArguments()[1]
            : null;

    private static Type? Element(Type type) =>
        type.IsArray ? type.GetElementType()
        : type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0]
        : null;
}
