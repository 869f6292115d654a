using System.Text.Json.Nodes;
using Bff.Tests.Fixtures;

namespace Bff.Tests.Resilience;

/// <summary>Host settings that keep resilience tests fast: short timeouts and delays, circuits that open only when a test wants.</summary>
public static class ResilienceSettings
{
    public static readonly string[] Sources = ["profiles", "jobs", "proposals"];

    public static Dictionary<string, string?> Fast(OutageFixture outage, params (string Key, string Value)[] overrides)
    {
        var settings = outage.HostSettings;
        foreach (var source in Sources)
        {
            var key = $"Bff:Sources:{source}";
            settings[$"{key}:Timeout"] = "00:00:04";
            settings[$"{key}:Resilience:AttemptTimeout"] = "00:00:01.500";
            settings[$"{key}:Resilience:Retry:MaxRetries"] = "2";
            settings[$"{key}:Resilience:Retry:BaseDelay"] = "00:00:00.010";
            settings[$"{key}:Resilience:Retry:MaxDelay"] = "00:00:00.050";
            settings[$"{key}:Resilience:CircuitBreaker:MinimumThroughput"] = "1000";
        }

        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Gets the downstream call entries of a response for one source.</summary>
    public static List<JsonObject> Calls(JsonObject body, string source) =>
        (body["extensions"]?["downstream"] as JsonArray ?? []).Select(c => c!.AsObject()).Where(c => (string?)c["source"] == source).ToList();

    /// <summary>Gets the errors of a response, sorted by path, without locations (stable for snapshots).</summary>
    public static JsonArray SortedErrors(JsonObject body) =>
        new((body["errors"] as JsonArray ?? [])
            .Select(e => e!.DeepClone().AsObject())
            .Select(e => { e.Remove("locations"); return e; })
            .OrderBy(e => e["path"]?.ToJsonString(), StringComparer.Ordinal)
            .Select(e => (JsonNode?)e)
            .ToArray());
}
